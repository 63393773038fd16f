/**
 * `<d-footnote>…</d-footnote>` (its content may hold Markdown and HTML such
 * as links) → a numbered superscript link to the appendix's footnote list,
 * with the note in a hover card shown by CSS on :hover and :focus-within.
 * Numbers come from `numberFootnotes`, a pass over the lexed tokens.
 * kramdown footnotes in a distill post (`[^id]`, kramdown-footnotes.ts)
 * become these tokens too, with a `key` (references to one note share its
 * number) and the note's blocks (what the appendix lists).
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
  /** A kramdown note's name: every reference to it shows the same number. */
  key?: string;
  /** Which reference to the note this is (0 = first), for unique ids. */
  repeat?: number;
  /** A kramdown note's blocks, listed in the appendix instead of `tokens`. */
  note?: Token[];
  /** No hover card (feeds): the note is only in the appendix list. */
  plain?: boolean;
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
        const again = t.repeat ? `-${t.repeat}` : "";
        const card = `fn-card-${n}${again}`;
        if (t.plain) return html`<sup class="footnote"><a class="footnote-link" id="${footnoteRefId(n) + again}" href="#${footnoteId(n)}">${n}</a></sup>`.toString();
        return html`<span class="footnote"><sup><a class="footnote-link" id="${footnoteRefId(n) + again}" href="#${footnoteId(n)}" aria-describedby="${card}">${n}</a></sup><span class="hover-card" id="${card}">${raw(this.parser.parseInline(t.tokens))}</span></span>`.toString();
      },
    },
  ],
};

/** Number the footnotes in document order; returns their tokens (one per note), for the appendix list. */
export function numberFootnotes(markdown: Marked, tokens: Token[]): FootnoteToken[] {
  const found: FootnoteToken[] = [];
  const byKey = new Map<string, number>();
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "dFootnote") return;
    const t = token as FootnoteToken;
    const seen = t.key === undefined ? undefined : byKey.get(t.key);
    if (seen !== undefined) {
      t.n = seen;
      return;
    }
    found.push(t);
    t.n = found.length;
    if (t.key !== undefined) byKey.set(t.key, t.n);
  });
  return found;
}
