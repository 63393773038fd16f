/**
 * `{% file_exists assets/x.ipynb %}` → `true` or `false`, as al-folio's plugin,
 * for `{% capture %}…{% endcapture %}{% if x == "true" %}`. The path may be a
 * Liquid variable.
 */
import type { InlineTag } from "../types.ts";

export const fileExists: InlineTag = {
  kind: "inline",
  name: "file_exists",
  output: "text",
  render(args, ctx) {
    const arg = args.trim();
    const value = /^[A-Za-z_][\w.]*$/.test(arg) && !/\.\w+$/.test(arg) ? ctx.evaluate(arg) : arg;
    const path = String(value ?? "").replace(/^\/+/, "");
    return String(ctx.assetExists ? ctx.assetExists(path) : false);
  },
};
