/**
 * `{% details SUMMARY %}…{% enddetails %}` → `<details><summary>`. The body
 * stays Markdown: blank lines around it end the `<details>` HTML block, so
 * marked renders the body (a list stays a real `<ul>`).
 */
import { html } from "../../escape/html.ts";
import type { BlockTag } from "../types.ts";

export const details: BlockTag = {
  kind: "block",
  name: "details",
  open: (args) => html`<details><summary>${args.trim()}</summary>`.toString() + "\n\n",
  close: () => "\n\n</details>\n",
};
