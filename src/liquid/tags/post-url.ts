/**
 * `{% post_url 2024-01-03-slug %}` and `{% link posts/2024-01-03-slug.md %}`:
 * the site path of another post, found by its file name as Jekyll does. The
 * result is a URL in the Markdown stream (usually a link target). A post
 * that does not exist is an error, as in Jekyll.
 */
import type { InlineTag, LiquidContext } from "../types.ts";
import { postUrlKey } from "../../content/urls.ts";

function resolve(name: string, tag: string, ctx: LiquidContext): string {
  const path = ctx.postUrl?.(postUrlKey(name));
  if (path === undefined) {
    ctx.report({ severity: "error", message: `\`${tag}\`: no post \`${name}\``, hint: "give the file name of a post in content/posts/ without .md, e.g. 2024-01-03-slug" });
    return "";
  }
  return path;
}

export const postUrl: InlineTag = {
  kind: "inline",
  name: "post_url",
  output: "text",
  render: (args, ctx) => resolve(args.trim().replace(/^.*\//, ""), "post_url", ctx),
};

export const link: InlineTag = {
  kind: "inline",
  name: "link",
  output: "text",
  render(args, ctx) {
    const file = args.trim();
    const post = /^(?:_?posts\/)(?:.*\/)?([^/]+)\.(?:md|markdown)$/.exec(file)?.[1];
    if (post) return resolve(post, "link", ctx);
    if (/^assets\//.test(file)) {
      if (ctx.assetExists && !ctx.assetExists(file)) ctx.report({ severity: "error", message: `\`link\`: file \`${file}\` not found`, hint: `put it at content/${file}` });
      return "/" + file;
    }
    ctx.report({ severity: "error", message: `\`link\`: cannot link \`${file}\``, hint: "link a post (posts/2024-01-03-slug.md) or a file under assets/" });
    return "";
  },
};
