/**
 * `<d-footnote>…</d-footnote>` (its content may hold Markdown and HTML such
 * as links) → a numbered superscript link to the appendix's footnote list,
 * with the note in a hover card shown by CSS on :hover and :focus-within.
 * Numbers come from `numberFootnotes`, a pass over the lexed tokens.
 */
import type { Marked, MarkedExtension, Token, Tokens } from "marked";
import { html, raw } from "../../escape/html.ts";
import { footnoteId, footnoteRefId } from "./ids.ts";

export interface FootnoteToken extends Tokens.Generic {
  type: "dFootnote";
  raw: string;
  tokens: Token[];
  /** Set by numberFootnotes. */
  n?: number;
}

const FOOTNOTE = /^<d-footnote>([\s\S]*?)<\/d-footnote>/;

export const footnote: MarkedExtension = {
  extensions: [
    {
      name: "dFootnote",
      level: "inline",
      start: (src) => src.match(/<d-footnote>/)?.index,
      tokenizer(src) {
        const m = FOOTNOTE.exec(src);
        if (!m) return undefined;
        return { type: "dFootnote", raw: m[0], tokens: this.lexer.inlineTokens(m[1]!.trim()) } satisfies FootnoteToken;
      },
      renderer(token) {
        const t = token as FootnoteToken;
        const n = t.n ?? 0;
        const card = `fn-card-${n}`;
        return html`<span class="footnote"><sup><a class="footnote-link" id="${footnoteRefId(n)}" href="#${footnoteId(n)}" aria-describedby="${card}">${n}</a></sup><span class="hover-card" id="${card}">${raw(this.parser.parseInline(t.tokens))}</span></span>`.toString();
      },
    },
  ],
};

/** Number the footnotes in document order; returns their tokens, for the appendix list. */
export function numberFootnotes(markdown: Marked, tokens: Token[]): FootnoteToken[] {
  const found: FootnoteToken[] = [];
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "dFootnote") return;
    const t = token as FootnoteToken;
    found.push(t);
    t.n = found.length;
  });
  return found;
}
