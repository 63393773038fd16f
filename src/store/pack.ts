/**
 * Packs: several pages' JSON stored as one content-addressed blob (see
 * keys.ts), so a full publish writes one key for a handful of small pages.
 * A pack's text is a JSON array of the pages' JSON, `[page,page,…]`; a route
 * entry names the pack and where its page is (`at: [start, length]`, in
 * UTF-16 code units of the text, which is what a JS string indexes), so a
 * reader parses only its page, never the whole pack.
 * Shared by the build (makes packs) and the worker (slices them).
 */

/** Where a page sits in its pack's text: first UTF-16 unit and length. */
export type PackSlot = readonly [start: number, length: number];

/** A pack's text and the slot of each page, in the order given. */
export function packText(pages: readonly string[]): { text: string; at: PackSlot[] } {
  const at: PackSlot[] = [];
  let offset = 1; // after "["
  for (const json of pages) {
    at.push([offset, json.length]);
    offset += json.length + 1; // and the "," or "]" after it
  }
  return { text: `[${pages.join(",")}]`, at };
}

/**
 * The page JSON at `at` in `pack`, or null when the text around the slot is
 * not what packText wrote (the pack is truncated, garbled or another value):
 * the slot must sit between `[`/`,` and `,`/`]` in a text that opens with `[`
 * and closes with `]`. Cheap (no parse of the pack); the page's own JSON.parse
 * and shape check catch the rest.
 */
export function packSlice(pack: string, at: PackSlot): string | null {
  const [start, length] = at;
  const end = start + length;
  if (start < 1 || length < 1 || end >= pack.length) return null;
  if (pack[0] !== "[" || pack[pack.length - 1] !== "]") return null;
  const before = pack[start - 1];
  const after = pack[end];
  if ((before !== "[" && before !== ",") || (after !== "," && after !== "]")) return null;
  return pack.slice(start, end);
}
