/**
 * jekyll-scholar's `{% quote key %}…{% endquote %}`: a block quotation whose
 * body stays Markdown, followed by the in-text citation of its source in a
 * `<cite>` (citations number in document order, as `{% cite %}`).
 */
import type { BlockTag } from "../types.ts";
import { scholarArgs } from "./scholar-args.ts";

export const scholarQuote: BlockTag = {
  kind: "block",
  name: "quote",
  open: (_args, ctx) => ctx.fragment('<blockquote class="scholar-quote">'),
  close(args, ctx) {
    const { keys } = scholarArgs(args);
    const out = ctx.scholar?.cite(keys) ?? { error: "no bibliography to cite from" };
    if ("error" in out) ctx.report({ severity: "error", message: `\`quote\`: ${out.error}`, hint: "keys come from the front-matter `bibliography:` file or content/_bibliography/papers.bib" });
    return ctx.fragment(`${"html" in out ? `<cite>${out.html}</cite>` : ""}</blockquote>`);
  },
};
