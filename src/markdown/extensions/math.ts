/**
 * `$$…$$` (inline or as its own paragraph) is kept exactly as written, so
 * Markdown cannot turn `a_1 … b_1` into emphasis or eat backslashes before a
 * math renderer sees it. Typesetting it on the server is later work; until
 * then the TeX source is what the reader gets.
 */
import type { MarkedExtension, Tokens } from "marked";
import { escapeHtml } from "../../escape/index.ts";

interface MathToken extends Tokens.Generic {
  type: "texMath";
  raw: string;
}

export const math: MarkedExtension = {
  extensions: [
    {
      name: "texMath",
      level: "inline",
      start: (src) => src.match(/\$\$/)?.index,
      tokenizer(src) {
        const m = /^\$\$(?!\$)[\s\S]+?\$\$/.exec(src);
        return m ? ({ type: "texMath", raw: m[0] } satisfies MathToken) : undefined;
      },
      renderer: (token) => `<span class="math">${escapeHtml((token as MathToken).raw)}</span>`,
    },
  ],
};
