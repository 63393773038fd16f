/**
 * jekyll-scholar's `{% cite key1 key2 %}`: an in-text citation in the post's
 * citation style (APA unless set), linked to the entry in the post's
 * bibliography list (`{% bibliography --cited %}` or al-folio's related
 * publications). Formatting happens at build time (see scripts/lib/scholar.ts).
 */
import type { InlineTag } from "../types.ts";
import { scholarArgs } from "./scholar-args.ts";

export const scholarCite: InlineTag = {
  kind: "inline",
  name: "cite",
  render(args, ctx) {
    const { keys } = scholarArgs(args);
    const out = ctx.scholar?.cite(keys) ?? { error: "no bibliography to cite from" };
    if ("html" in out) return out.html;
    ctx.report({ severity: "error", message: `\`cite\`: ${out.error}`, hint: "keys come from the front-matter `bibliography:` file or content/_bibliography/papers.bib" });
    return "";
  },
};
