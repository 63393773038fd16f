/**
 * Emoji shortcodes, as Jekyll's jemoji plugin (which al-folio enables) reads
 * them: `:tada:` → 🎉, with GitHub's names (gemoji). Only text is converted;
 * code, raw HTML and bare URLs keep their colons, and an unknown name stays
 * as written.
 *
 * The names come from emoji-names.ts, generated at development time from the
 * pinned gemoji package (scripts/generate-emoji.ts): ~39 KB, 15 KB gzipped,
 * in the worker bundle. The lookup table is built on the first page that
 * holds something shaped like a shortcode, then kept for the isolate's life.
 */
import type { Token, Tokens } from "marked";
import { EMOJI_NAMES } from "./emoji-names.ts";

const SHORTCODE = /:([a-z0-9_+-]+):/g;
/** Cheap test on the whole source before any token is looked at. */
export const mayHoldShortcodes = (text: string): boolean => /:[a-z0-9_+-]+:/.test(text);

let table: Map<string, string> | undefined;

/** The emoji for a GitHub shortcode name (`tada` → 🎉), or undefined. */
export function emojiFor(name: string): string | undefined {
  if (!table) {
    table = new Map();
    for (const line of EMOJI_NAMES.split("\n")) {
      const tab = line.indexOf("\t");
      table.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return table.get(name);
}

/** Span elements whose text is converted (bare URLs excepted). */
const CONTAINERS = new Set(["em", "strong", "del", "link", "spanAttributed"]);

function convert(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.type === "text" && !(t as Tokens.Text).escaped && !("tokens" in t && t.tokens)) {
      const text = (t as Tokens.Text).text;
      if (text.includes(":")) (t as Tokens.Text).text = text.replace(SHORTCODE, (code, name: string) => emojiFor(name) ?? code);
    } else if (CONTAINERS.has(t.type) && "tokens" in t && Array.isArray(t.tokens) && !(t.type === "link" && (t.raw.startsWith("<") || t.raw === (t as Tokens.Link).text))) {
      convert(t.tokens as Token[]);
    }
  }
}

/** Replace known shortcodes in each block's text (lists from blockInlineLists). */
export function applyEmoji(blocks: Iterable<Token[]>): void {
  for (const list of blocks) convert(list);
}
