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

/** Span elements whose text is converted; anything else (code, HTML, math, citations) is left as is. */
const CONTAINERS = new Set(["em", "strong", "del", "link", "spanAttributed"]);

/** The characters that may start a conversion; the scan jumps between them. */
const CANDIDATE = /["'.<>-]/g;
const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\u00A0";
/** After these (or at a block's start) a quote opens. */
const opensAfter = (c: string) => c === "" || isSpace(c) || "([{\u2014\u2013\u201C\u2018-".includes(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/**
 * Convert one text, given the character before it and the one after it ("" at
 * a block's edge). A hand-written scan: it runs on every text of every page
 * render, and most texts hold nothing to convert.
 */
export function smarten(text: string, before: string, after: string): string {
  let out = "";
  let last = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    const c = m[0];
    let sym: string | undefined;
    let len = 1;
    if (c === "-") {
      if (text[i + 1] !== "-") continue;
      len = text[i + 2] === "-" ? 3 : 2;
      sym = len === 3 ? "\u2014" : "\u2013";
    } else if (c === ".") {
      if (text[i + 1] !== "." || text[i + 2] !== ".") continue;
      len = 3;
      sym = "\u2026";
    } else if (c === "<" || c === ">") {
      if (text[i + 1] !== c) continue;
      len = 2;
      const spaced = c === "<" ? text[i + 2] === " " : i > 0 && text[i - 1] === " ";
      sym = c === "<" ? (spaced ? "\u00AB\u00A0" : "\u00AB") : spaced ? "\u00A0\u00BB" : "\u00BB";
      if (spaced) {
        if (c === "<") len = 3;
        else {
          out += text.slice(last, i - 1) + sym;
          last = i + len;
          CANDIDATE.lastIndex = last;
          continue;
        }
      }
    } else if (c === '"' || c === "'") {
      const prev = i > 0 ? text[i - 1]! : before;
      const next = i + 1 < text.length ? text[i + 1]! : after;
      const opens = opensAfter(prev);
      if (!opens) sym = c === "'" ? "\u2019" : "\u201D";
      // ’80s: an elided century is an apostrophe, not an opening quote.
      else if (c === "'" && isDigit(text[i + 1]) && isDigit(text[i + 2]) && !isDigit(text[i + 3])) sym = "\u2019";
      else if (next === "" || isSpace(next)) continue;
      else sym = c === "'" ? "\u2018" : "\u201C";
    } else continue;
    out += text.slice(last, i) + sym;
    last = i + len;
    CANDIDATE.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The first character a token shows, for the quote before it ("" when unknown). */
function firstChar(t: Token | undefined): string {
  if (!t) return "";
  if (t.type === "text" || t.type === "escape") return (t as Tokens.Text).text.charAt(0);
  return "a";
}

/** Convert the texts of one inline list; returns the last character shown, for the next list. */
function convert(tokens: Token[], before: string, following: string): string {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "text" && !(t as Tokens.Text).escaped && !("tokens" in t && t.tokens)) {
      const text = (t as Tokens.Text).text;
      (t as Tokens.Text).text = smarten(text, before, i + 1 < tokens.length ? firstChar(tokens[i + 1]) : following);
      before = text.charAt(text.length - 1) || before;
    } else if (CONTAINERS.has(t.type) && "tokens" in t && Array.isArray(t.tokens) && !isBareUrl(t)) {
      before = convert(t.tokens as Token[], before, i + 1 < tokens.length ? firstChar(tokens[i + 1]) : following);
    } else {
      before = t.type === "br" ? " " : t.type === "escape" ? (t as Tokens.Escape).text : "a";
    }
  }
  return before;
}

/** Apply the conversions to each block's inline tokens (from blockInlineLists). */
export function applyTypography(blocks: Iterable<Token[]>): void {
  for (const list of blocks) convert(list, "", "");
}

/** An autolink or bare URL: its text is the address and must stay as written. */
function isBareUrl(t: Token): boolean {
  return t.type === "link" && (t.raw.startsWith("<") || t.raw === (t as Tokens.Link).text);
}
