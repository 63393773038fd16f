import { isReservedId } from "./reserved-ids.ts";

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

// Symbols that tell tags apart (`C`, `C++`, `C#`), spelled out before slugifying.
const SYMBOL_WORDS: Record<string, string> = { "+": " plus ", "#": " sharp ", "@": " at ", "*": " star " };

/**
 * The slug of a tag or category in URLs (`/blog/tag/SLUG/`), for links,
 * archives and feeds alike. Like slugify, but symbols that distinguish
 * names are spelled out, so `C`, `C++` and `C#` get three addresses
 * (`c`, `c-plus-plus`, `c-sharp`), and a name of symbols only never
 * gets an empty slug: its code points stand in (`★` → `u2605`).
 *
 * @example labelSlug("C++") // "c-plus-plus"
 */
export function labelSlug(label: string): string {
  const slug = slugify(label.replace(/[+#@*]/g, (c) => SYMBOL_WORDS[c]!));
  if (slug) return slug;
  return [...label.trim()].map((c) => "u" + c.codePointAt(0)!.toString(16)).join("-");
}

/**
 * Hands out unique ids within one document: the first `intro` stays `intro`,
 * the next ones become `intro-1`, `intro-2` (al-folio's duplicate-heading bug #3236).
 */
export class SlugRegistry {
  private readonly seen = new Map<string, number>();

  /** `reserved`: ids the page writes itself, which generated ids step past (default: the layout's, see reserved-ids.ts). */
  constructor(private readonly reserved: (id: string) => boolean = isReservedId) {}

  unique(text: string): string {
    let base = slugify(text) || "section";
    // `ref-x` → `section-ref-x`: a suffix would not help, the prefix itself is the page's.
    if (this.reserved(base) && this.reserved(`${base}-1`)) base = `section-${base}`;
    let id = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(id) || this.reserved(id)) id = `${base}-${++n}`;
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
