/**
 * kramdown's `markdown` attribute on an HTML block: `<div markdown="1">` (or
 * `"block"`) parses the element's content as Markdown blocks, `"span"` as
 * inline text; `markdown="0"` keeps it raw (marked's default for HTML). The
 * attribute itself is not written out, as kramdown drops it. The element
 * runs to its matching closing tag (nested elements of the same name are
 * counted), so blank lines inside do not end it.
 */
import type { MarkedExtension, Token, Tokens } from "marked";

export interface MarkdownHtmlToken extends Tokens.Generic {
  type: "markdownHtml";
  raw: string;
  open: string;
  close: string;
  span: boolean;
  tokens: Token[];
}

const OPEN = /^ {0,3}<([A-Za-z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/;
const MARKDOWN_ATTR = /\s+markdown\s*=\s*(?:"(1|block|span)"|'(1|block|span)'|(1|block|span)(?=[\s>]|$))/;

/** The index just past the tag closing the element opened before `from`, or -1. */
function matchingClose(src: string, name: string, from: number): { start: number; end: number } | null {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(src); m; m = tags.exec(src)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith("/>")) depth++;
    if (depth === 0) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export const markdownInHtml: MarkedExtension = {
  extensions: [
    {
      name: "markdownHtml",
      level: "block",
      // No `start`: marked's own HTML block rule already ends a paragraph at a block-level tag.
      tokenizer(src) {
        const m = OPEN.exec(src);
        if (!m) return undefined;
        const attr = MARKDOWN_ATTR.exec(m[2]!);
        if (!attr) return undefined;
        const name = m[1]!;
        const close = matchingClose(src, name, m[0].length);
        if (!close) return undefined;
        const eol = src.indexOf("\n", close.end);
        const end = eol < 0 ? src.length : eol + 1;
        const mode = attr[1] ?? attr[2] ?? attr[3];
        const inner = src.slice(m[0].length, close.start);
        const open = `<${name}${m[2]!.replace(MARKDOWN_ATTR, "")}>`;
        const span = mode === "span";
        const tokens = span ? this.lexer.inline(inner.trim()) : this.lexer.blockTokens(inner.replace(/^[ \t]*\n/, ""), []);
        return { type: "markdownHtml", raw: src.slice(0, end), open, close: src.slice(close.start, end).trimEnd(), span, tokens } satisfies MarkdownHtmlToken;
      },
      renderer(token) {
        const t = token as MarkdownHtmlToken;
        return t.span ? `${t.open}${this.parser.parseInline(t.tokens)}${t.close}\n` : `${t.open}\n${this.parser.parse(t.tokens)}${t.close}\n`;
      },
    },
  ],
};
