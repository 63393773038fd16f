/**
 * Fragments: HTML made once at build time and stored with the post, so the
 * worker assembles the page without the libraries that made it (liquidjs,
 * KaTeX, the highlighter, the CSL processor) and without their CPU cost.
 *
 * Two ways a fragment is referred to:
 * - **Placeholders** stand in the stored body for output Markdown must never
 *   re-parse (expanded Liquid tags): `\uE000key\uE001`, characters from the
 *   Private Use Area that no author text or Markdown syntax produces. The
 *   worker swaps them for the fragment after lexing, so a tag's output is an
 *   opaque block whatever its parameters hold.
 * - **Keyed lookups** by a marked token pass (math, highlighted code): the
 *   token's own source gives the key, the build records what the renderer
 *   made, the worker reads it back.
 *
 * Keys are namespaced by their producer: `liquid:3`, `math:…`, `code:…`.
 */

/** Stored HTML by key; JSON-serialisable, kept in the post's blob. */
export type Fragments = Record<string, string>;

export const PLACEHOLDER_OPEN = "\uE000";
export const PLACEHOLDER_CLOSE = "\uE001";

/** Every placeholder in a text; group 1 is the key. */
export const PLACEHOLDER = /\uE000([^\uE000\uE001\s]{1,80})\uE001/g;

/** The placeholder that stands for fragment `key` in a stored body. */
export function placeholder(key: string): string {
  return PLACEHOLDER_OPEN + key + PLACEHOLDER_CLOSE;
}

/**
 * The fragment under `key`: read from `fragments` when stored; else made by
 * `make` (build time, where the renderer is at hand) and recorded; else,
 * in a worker given a body whose fragment is missing, `fallback()`.
 */
export function fragment(fragments: Fragments, key: string, make: (() => string) | undefined, fallback: () => string): string {
  if (Object.hasOwn(fragments, key)) return fragments[key]!;
  if (!make) return fallback();
  const made = make();
  fragments[key] = made;
  return made;
}
