/** jekyll-scholar's `{% reference key %}`: the full reference, inline, in the post's citation style. */
import type { InlineTag } from "../types.ts";
import { scholarArgs } from "./scholar-args.ts";

export const scholarReference: InlineTag = {
  kind: "inline",
  name: "reference",
  render(args, ctx) {
    const [key] = scholarArgs(args).keys;
    const out = key ? (ctx.scholar?.reference(key) ?? { error: "no bibliography to cite from" }) : { error: "needs a key" };
    if ("html" in out) return out.html;
    ctx.report({ severity: "error", message: `\`reference\`: ${out.error}`, hint: "keys come from the front-matter `bibliography:` file or content/_bibliography/papers.bib" });
    return "";
  },
};
