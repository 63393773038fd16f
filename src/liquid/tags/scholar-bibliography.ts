/**
 * jekyll-scholar's `{% bibliography %}`: with `--cited` (or `--cited_in_order`)
 * the works cited so far in the post, in citation order; without, every entry
 * of the site bibliography. Each item's id is the target of `{% cite %}` links.
 */
import type { InlineTag } from "../types.ts";
import { scholarArgs } from "./scholar-args.ts";

export const scholarBibliography: InlineTag = {
  kind: "inline",
  name: "bibliography",
  render(args, ctx) {
    const { options } = scholarArgs(args);
    if (!ctx.scholar) {
      ctx.report({ severity: "error", message: "`bibliography`: no bibliography to list", hint: "put the site's entries in content/_bibliography/papers.bib, or set `bibliography:` in the front matter" });
      return "";
    }
    return ctx.scholar.bibliography(options.has("--cited") || options.has("--cited_in_order") || options.has("-c"));
  },
};
