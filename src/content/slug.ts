/**
 * The one slug function, used for URLs (tags, categories) and heading ids, so
 * a link computed anywhere matches the target computed anywhere else.
 * Keeps Unicode letters and digits (`σReparam` → `σreparam`), folds accents
 * that decompose (`é` → `e`), lowercases, and joins words with `-`.
 *
 * @example slugify("MLX and sigma σReparam") // "mlx-and-sigma-σreparam"
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['\u2019`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Hands out unique ids within one document: the first `intro` stays `intro`,
 * the next ones become `intro-1`, `intro-2` (al-folio's duplicate-heading bug #3236).
 */
export class SlugRegistry {
  private readonly seen = new Map<string, number>();

  unique(text: string): string {
    const base = slugify(text) || "section";
    let id = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(id)) id = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(id, 0);
    return id;
  }

  /** An id the author chose (`## Title {#id}`): kept as written unless the document already used it. */
  reserve(id: string): string {
    let unique = id;
    let n = 0;
    while (this.seen.has(unique)) unique = `${id}-${++n}`;
    this.seen.set(unique, 0);
    return unique;
  }
}
