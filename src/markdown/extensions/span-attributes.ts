/**
 * kramdown span attribute lists: `[text](url){:target="_blank"}`,
 * `![alt](src){: .w-50}`, `*em*{: .x}` give the span element right before
 * them the attributes. A list after plain text has no element to go on:
 * kramdown drops it with a warning, and so do we.
 */
import type { MarkedExtension, Token, Tokens } from "marked";
import { mergeAttributes, withAttributes, type Attributes } from "./attributes.ts";
import type { AttributeResolver } from "./block-attributes.ts";

export interface SpanAttributesToken extends Tokens.Generic {
  type: "spanAttributes";
  raw: string;
  text: string;
}

export interface SpanAttributedToken extends Tokens.Generic {
  type: "spanAttributed";
  raw: string;
  attrs: Attributes;
  tokens: Token[];
}

const SPAN_LIST = /^\{:(?![:/])((?:[^"'}\n]|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')*)\}/;
const SPAN_ELEMENTS = new Set(["link", "image", "em", "strong", "codespan", "del", "spanAttributed"]);

export const spanAttributes: MarkedExtension = {
  extensions: [
    {
      name: "spanAttributes",
      level: "inline",
      start: (src) => {
        const i = src.indexOf("{:");
        return i < 0 ? undefined : i;
      },
      tokenizer(src) {
        const m = SPAN_LIST.exec(src);
        return m ? ({ type: "spanAttributes", raw: m[0], text: m[1]! } satisfies SpanAttributesToken) : undefined;
      },
      renderer: () => "",
    },
    {
      name: "spanAttributed",
      renderer(token) {
        const t = token as SpanAttributedToken;
        return withAttributes(this.parser.parseInline(t.tokens), t.attrs);
      },
    },
  ],
};

/**
 * Put each span list on the element before it; returns the lists that had
 * none (plain text before them), for a warning. `inlineLists` are the
 * document's inline token arrays.
 */
export function applySpanAttributes(inlineLists: Iterable<Token[]>, resolver: AttributeResolver): string[] {
  const stray: string[] = [];
  for (const tokens of inlineLists) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== "spanAttributes") continue;
      const list = t as SpanAttributesToken;
      const prev = tokens[i - 1];
      tokens.splice(i, 1);
      i--;
      if (!prev || !SPAN_ELEMENTS.has(prev.type)) {
        stray.push(list.raw);
        continue;
      }
      const attrs = resolver.resolve(list.text);
      if (prev.type === "spanAttributed") mergeAttributes((prev as SpanAttributedToken).attrs, attrs);
      else tokens[i] = { type: "spanAttributed", raw: prev.raw, attrs, tokens: [prev] } satisfies SpanAttributedToken;
    }
  }
  return stray;
}
