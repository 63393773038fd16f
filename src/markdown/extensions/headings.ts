/**
 * Heading ids. A pass over the lexed tokens gives every heading a unique id
 * from the shared slug function (so TOC links computed from front matter land
 * on it); the renderer writes the id and an anchor link.
 *
 * Headings written as raw HTML (`<h2 data-toc-text="Short">…</h2>`) count
 * too, as they do for al-folio's client-side TOC: one without an id gets one.
 * Two attributes shape the TOC entry (bootstrap-toc's, which al-folio uses):
 * `data-toc-text` replaces the label, `data-toc-skip` leaves the heading out.
 * On a Markdown heading they come from a kramdown IAL, which the lexer
 * records as `token.attrs`.
 */
import type { MarkedExtension, Token, Tokens } from "marked";
import { SlugRegistry } from "../../content/slug.ts";
import { plainText } from "../plain-text.ts";
import { escapeAttr } from "../../escape/index.ts";
import { htmlHeadings, tocFields } from "./html-headings.ts";
import { attributesHtml, type Attributes } from "./attributes.ts";

export interface Heading {
  depth: number;
  text: string;
  id: string;
  /** kramdown attributes written for the heading (`data-toc-text`, `data-toc-skip`, `class`…), without `id`. */
  attrs?: Attributes;
  /** `data-toc-text`: the TOC shows this instead of `text`. */
  tocText?: string;
  /** `data-toc-skip`: the heading has no TOC entry. */
  tocSkip?: boolean;
}

/** `attrs` come from kramdown attribute lists (block-attributes.ts); `attrs.id` is the author's id. */
type IdHeading = Tokens.Heading & { id?: string; attrs?: Attributes };

/** Assign ids to the document's headings, in order; returns them for the TOC. */
export function assignHeadingIds(tokens: readonly Token[], slugs: SlugRegistry = new SlugRegistry()): Heading[] {
  const found: Heading[] = [];
  for (const token of tokens) {
    if (token.type === "heading") {
      const h = token as IdHeading;
      const text = plainText(h.tokens).trim();
      const { id: chosen, ...attrs } = h.attrs ?? {};
      h.id = chosen ? slugs.reserve(chosen) : slugs.unique(text);
      found.push({ depth: h.depth, text, id: h.id, ...(Object.keys(attrs).length ? { attrs } : {}), ...tocFields(attrs) });
    } else if (token.type === "html") {
      found.push(...htmlHeadings(token as Tokens.HTML, slugs));
    } else if ("tokens" in token && Array.isArray(token.tokens) && token.type !== "paragraph") {
      // Headings inside blockquotes and list items count too.
      found.push(...assignHeadingIds(token.tokens as Token[], slugs));
    }
  }
  return found;
}

export const headings: MarkedExtension = {
  renderer: {
    heading(token) {
      const { id, attrs } = token as IdHeading;
      const inner = this.parser.parseInline(token.tokens);
      if (!id) return false;
      // The id written is the unique one assigned above, not necessarily the author's.
      const rest = attrs ? Object.fromEntries(Object.entries(attrs).filter(([name]) => name !== "id")) : undefined;
      return `<h${token.depth} id="${escapeAttr(id)}"${rest ? attributesHtml(rest) : ""}>${inner}</h${token.depth}>\n`;
    },
  },
};
