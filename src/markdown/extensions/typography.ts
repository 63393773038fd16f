/**
 * kramdown's typographic conversions, on by default in Jekyll: `---` → —,
 * `--` → –, `...` → …, `<<` → «, `>>` → » (with a no-break space when written
 * `<< x >>`), and straight quotes → curly ones (“ ” ‘ ’, the apostrophe ’).
 *
 * Only text is converted: code spans, code blocks, raw HTML, math, URLs shown
 * as links and backslash-escaped characters (`\"`, `\-`) stay as written. A
 * quote's side is decided by the character before it, looking across the
 * span elements of one block (`"*word*"` gets “ and ”): after a space or an
 * opening bracket it opens, after a letter, digit or punctuation it closes.
 */
import type { Token, Tokens } from "marked";

const SPECIAL = /["']|--|\.\.\.|<<|>>/;
const REPLACE = /---|--|\.\.\.|<< ?| ?>>|["']/g;
const OPENS_AFTER = /[\s([{\u2014\u2013\u201C\u2018-]/;
const DIGITS_AFTER = /^\d\d(?:s\b|\b)/;
/** Span elements whose text is converted; anything else (code, HTML, math, citations) is left as is. */
const CONTAINERS = new Set(["em", "strong", "del", "link", "spanAttributed"]);

const SYMBOLS: Record<string, string> = { "---": "\u2014", "--": "\u2013", "...": "\u2026", "<<": "\u00AB", "<< ": "\u00AB\u00A0", ">>": "\u00BB", " >>": "\u00A0\u00BB" };

/** Convert one text, given the character before it and the one after it ("" at a block's edge). */
export function smarten(text: string, before: string, after: string): string {
  return text.replace(REPLACE, (m, offset: number) => {
    if (m !== '"' && m !== "'") return SYMBOLS[m]!;
    const prev = offset > 0 ? text[offset - 1]! : before;
    const next = offset + 1 < text.length ? text[offset + 1]! : after;
    const opens = prev === "" || OPENS_AFTER.test(prev);
    if (m === "'") {
      // ’80s: an elided century is an apostrophe, not an opening quote.
      if (opens && DIGITS_AFTER.test(text.slice(offset + 1))) return "\u2019";
      if (!opens) return "\u2019";
      return next === "" || /\s/.test(next) ? m : "\u2018";
    }
    if (!opens) return "\u201D";
    return next === "" || /\s/.test(next) ? m : "\u201C";
  });
}

/** The first character a token shows, for the quote before it ("" when unknown). */
function firstChar(t: Token | undefined): string {
  if (!t) return "";
  if (t.type === "text" || t.type === "escape") return (t as Tokens.Text).text.charAt(0);
  return "a";
}

/** Apply the conversions to each block's inline tokens (from blockInlineLists). */
export function applyTypography(blocks: Iterable<Token[]>): void {
  for (const list of blocks) {
    let before = "";
    const walk = (tokens: Token[], following: string) => {
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.type === "text" && !(t as Tokens.Text).escaped && !("tokens" in t && t.tokens)) {
          const text = (t as Tokens.Text).text;
          if (SPECIAL.test(text)) (t as Tokens.Text).text = smarten(text, before, i + 1 < tokens.length ? firstChar(tokens[i + 1]) : following);
          before = text.charAt(text.length - 1) || before;
        } else if (CONTAINERS.has(t.type) && "tokens" in t && Array.isArray(t.tokens) && !isBareUrl(t)) {
          walk(t.tokens as Token[], i + 1 < tokens.length ? firstChar(tokens[i + 1]) : following);
        } else {
          before = t.type === "escape" || t.type === "br" ? (t.type === "br" ? " " : (t as Tokens.Escape).text) : "a";
        }
      }
    };
    walk(list, "");
  }
}

/** An autolink or bare URL: its text is the address and must stay as written. */
function isBareUrl(t: Token): boolean {
  return t.type === "link" && (t.raw.startsWith("<") || t.raw === (t as Tokens.Link).text);
}
