/**
 * `{% details SUMMARY %}…{% enddetails %}` → `<details><summary>`, as al-folio's
 * plugin. The summary is inline Markdown rendered once inside `<summary>`
 * (it cannot break out of it, whatever it holds); the body stays Markdown in
 * the post's stream, so a list is a real `<ul>` and citations number in order.
 */
import type { BlockTag } from "../types.ts";

export const details: BlockTag = {
  kind: "block",
  name: "details",
  open: (args, ctx) => ctx.fragment(`<details><summary>${ctx.inlineMarkdown(args.trim())}</summary>`),
  close: (_args, ctx) => ctx.fragment("</details>"),
};
