/**
 * `{% twitter URL %}`: the static blockquote Twitter's own embed code starts
 * from, readable without script and fetched from nowhere (no network at build
 * or render). The page loads Twitter's widget script only if the site enables it.
 */
import { html, url } from "../../escape/html.ts";
import type { InlineTag } from "../types.ts";

const STATUS_URL = /^https:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status\/(\d+)\/?(?:\?[^\s]*)?$/;

export const twitter: InlineTag = {
  kind: "inline",
  name: "twitter",
  render(args, ctx) {
    const target = args.trim().split(/\s+/)[0] ?? "";
    const m = STATUS_URL.exec(target);
    if (!m) {
      ctx.report({ severity: "error", message: `\`twitter\` needs a tweet URL, not \`${target}\``, hint: "use https://twitter.com/USER/status/ID or https://x.com/USER/status/ID" });
      return "";
    }
    ctx.embeds.add("twitter");
    const [, user, id] = m;
    const link = `https://twitter.com/${user}/status/${id}`;
    return html`<blockquote class="twitter-tweet"><p>Post by <a href="${url(`https://twitter.com/${user}`)}">@${user}</a> on X (Twitter).</p>— @${user} <a href="${url(link)}">${link}</a></blockquote>`.toString();
  },
};
