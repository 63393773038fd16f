/**
 * What @retorquere/bibtex-parser leaves for us to do with LaTeX, at build time.
 *
 * The parser decodes accents, `\&`, `--`, `~`, math and `@string` macros, and
 * marks rich text with a few HTML-like tags (`<i>`, `<b>`, `<sup>`, `<a href>`,
 * `<span class="nocase">`…). Three things a TeX user expects it gets wrong, so
 * they are fixed around it:
 * - URLs inside `\url{…}` and `\href{u}{t}` are verbatim in TeX (`~`, `%`, `#`
 *   and `_` are themselves), but the parser reads `%` as a comment and `~` as a
 *   space. `protectSource` rewrites their arguments before parsing so the
 *   characters survive, wrapped in private-use marks `decodeField` reads back.
 * - A literal `<` or `>` in a field is printed by the parser as OT1 `¡`/`¿`,
 *   and would be indistinguishable from its markup: they are swapped for
 *   private-use characters before parsing and restored after the markup is gone.
 * - `\'\i` gives a dotless ı with a combining accent: TeX users mean í.
 */

// Private-use characters: no BibTeX file or parser output contains them.
const LT = "\uE010";
const GT = "\uE011";
const URL_OPEN = "\uE012";
const URL_CLOSE = "\uE013";
const HREF_OPEN = "\uE014";
const HREF_CLOSE = "\uE015";

/** TeX-escape a verbatim URL so the parser gives its characters back unchanged. */
function texEscapeUrl(u: string): string {
  return u.replace(/[%#_&$~^\\]/g, (c) => {
    if (c === "~") return "\\textasciitilde{}";
    if (c === "^") return "\\textasciicircum{}";
    if (c === "\\") return "\\textbackslash{}";
    return `\\${c}`;
  });
}

/** The brace group starting at `open` (`{`): its content and the index after it, or null if unbalanced. */
function braceGroup(text: string, open: number): { content: string; end: number } | null {
  if (text[open] !== "{") return null;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

/**
 * Rewrite a .bib text before parsing: `\url{u}` and the URL of `\href{u}{t}`
 * become marked, TeX-escaped text; literal `<`, `>` and `\textless`/`\textgreater`
 * become private-use characters. Line breaks are kept, so lines still match the file.
 */
export function protectSource(text: string): string {
  let out = "";
  let i = 0;
  const command = /\\(url|href)\s*(?=\{)|\\text(less|greater)\b(?:\{\})?|\\t\{(\w)(\w)\}|[<>]/g;
  for (let m = command.exec(text); m; m = command.exec(text)) {
    out += text.slice(i, m.index);
    i = m.index + m[0].length;
    if (m[0] === "<" || m[0] === ">") out += m[0] === "<" ? LT : GT;
    // The tie accent over two letters, which the parser drops: o͡o.
    else if (m[3]) out += `${m[3]}\u0361${m[4]}`;
    else if (m[2]) out += m[2] === "less" ? LT : GT;
    else {
      const group = braceGroup(text, i);
      if (!group) {
        out += m[0];
        continue;
      }
      const marked = texEscapeUrl(group.content.replace(/\s*\n\s*/g, ""));
      // Keep the line count: the URL's line breaks (rare) move after it.
      const breaks = "\n".repeat(group.content.split("\n").length - 1);
      out += m[1] === "url" ? `${URL_OPEN}${marked}${URL_CLOSE}${breaks}` : `${HREF_OPEN}${marked}${HREF_CLOSE}${breaks}`;
      i = group.end;
      command.lastIndex = i;
    }
  }
  return out + text.slice(i);
}

/** A field's text after parsing: plain Unicode, plus the first URL it held (`\url`, `\href`). */
export interface DecodedField {
  text: string;
  link?: string;
}

const MARKUP = /<\/?(?:i|b|sup|sub|sc|nc|span|a|em|strong|br)\b[^>]*>/g;
const MARKED_URL = new RegExp(`${URL_OPEN}([^${URL_CLOSE}]*)${URL_CLOSE}`, "g");
const MARKED_HREF = new RegExp(`${HREF_OPEN}([^${HREF_CLOSE}]*)${HREF_CLOSE}`, "g");

/**
 * Plain Unicode text of a parsed field: markup removed (styles decide what is
 * italic), `\url{u}` shown as `u`, `\href{u}{t}` as `t`, the first such URL
 * returned as `link`, whitespace collapsed, NFC (the parser composes accents
 * as letter + combining mark; readers and search expect `ö`).
 */
export function decodeField(value: string): DecodedField {
  let link: string | undefined;
  const text = value
    .replace(MARKUP, "")
    .replace(MARKED_URL, (_m, u: string) => {
      link ??= u.trim();
      return u.trim();
    })
    .replace(MARKED_HREF, (_m, u: string) => {
      link ??= u.trim();
      return "";
    })
    .replaceAll(LT, "<")
    .replaceAll(GT, ">")
    // `\'\i`: a dotless i (or j) under an accent is the ordinary letter.
    .replace(/[ıȷ](?=[\u0300-\u036f])/g, (c) => (c === "ı" ? "i" : "j"))
    // Collapse source whitespace only: `~` decoded to a no-break space stays one.
    .replace(/[ \t\r\n]+/g, " ")
    .trim()
    .normalize("NFC");
  return link ? { text, link } : { text };
}

/** A verbatim field (`url`, `doi`): private-use marks and leftover `\url{}` wrappers removed. */
export function decodeVerbatim(value: string): string {
  return value
    .replace(MARKED_URL, "$1")
    .replace(MARKED_HREF, "$1")
    .replace(/\\(?:textasciitilde|textasciicircum|textbackslash)\{\}|\\([%#_&$])/g, (m, c: string | undefined) => c ?? ({ "\\textasciitilde{}": "~", "\\textasciicircum{}": "^", "\\textbackslash{}": "\\" } as Record<string, string>)[m]!)
    .replaceAll(LT, "<")
    .replaceAll(GT, ">")
    .trim();
}
