/**
 * Citations and footnotes inside raw HTML blocks (`<aside>`, `<div class="l-gutter">`):
 * marked keeps an HTML block as one opaque token, so its `<d-cite>` and
 * `<d-footnote>` would reach the reader as empty custom elements. This pass
 * splits such a block into raw HTML pieces and the marks between them, which
 * the cite and footnote extensions then number and render like any other.
 */
import { Lexer, type Marked, type MarkedExtension, type Token, type Tokens } from "marked";

const MARK = /<d-cite\b[^>]*?(?:\/>|>\s*<\/d-cite>)|<d-footnote>[\s\S]*?<\/d-footnote>/g;

interface HtmlMarksToken extends Tokens.Generic {
  type: "htmlMarks";
  tokens: Token[];
}

export const htmlMarks: MarkedExtension = {
  extensions: [{ name: "htmlMarks", renderer: function (token) { return this.parser.parseInline((token as HtmlMarksToken).tokens); } }],
};

const rawHtml = (text: string): Tokens.HTML => ({ type: "html", raw: text, text, block: false, pre: false });

/** Turn every HTML block that holds a mark into an `htmlMarks` token; run before numbering. */
export function splitMarksInHtml(markdown: Marked, tokens: Token[]): void {
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "html" || !(token as Tokens.HTML).block) return;
    const text = (token as Tokens.HTML).text;
    if (!text.includes("<d-cite") && !text.includes("<d-footnote")) return;
    const parts: Token[] = [];
    let last = 0;
    for (const m of text.matchAll(MARK)) {
      if (m.index > last) parts.push(rawHtml(text.slice(last, m.index)));
      parts.push(...Lexer.lexInline(m[0], markdown.defaults));
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(rawHtml(text.slice(last)));
    Object.assign(token, { type: "htmlMarks", tokens: parts } satisfies Omit<HtmlMarksToken, "raw">);
  });
}
