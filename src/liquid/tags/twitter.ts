/**
 * `{% twitter URL %}` (optionally `text="…"`, the tweet as the author quotes
 * it): for a tweet, a static card with handle, date and link (tweet-card.ts); for a profile or timeline (`https://twitter.com/NAME`,
 * as al-folio's jekyll-twitter-plugin accepts, options like `maxwidth=500`
 * ignored), a link card. Readable without script and fetched from nowhere
 * (no network at build or render). The page loads Twitter's widget script
 * only if the site enables it.
 */
import { html, url } from "../../escape/html.ts";
import type { InlineTag } from "../types.ts";
import { parseParams, text } from "../params.ts";
import { tweetCard } from "./tweet-card.ts";

const STATUS_URL = /^https:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status\/(\d+)\/?(?:\?[^\s]*)?$/;
const PROFILE_URL = /^https:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})(?:\/(likes|lists\/[\w-]+))?\/?(?:\?[^\s]*)?$/;

export const twitter: InlineTag = {
  kind: "inline",
  name: "twitter",
  render(args, ctx) {
    const target = args.trim().split(/\s+/)[0] ?? "";
    const rest = args.trim().slice(target.length);
    const status = STATUS_URL.exec(target);
    if (status) {
      ctx.embeds.add("twitter");
      const [, user, id] = status;
      // Other jekyll-twitter-plugin options (maxwidth=…, align=…) are accepted and ignored.
      const quoted = /\btext\s*=/.test(rest) ? text(parseParams(rest, ctx, "twitter"), "text") : undefined;
      return tweetCard(user!, id!, quoted).toString();
    }
    const profile = PROFILE_URL.exec(target);
    if (profile) {
      ctx.embeds.add("twitter");
      const [, user, list] = profile;
      const link = `https://twitter.com/${user}${list ? `/${list}` : ""}`;
      return html`<div class="twitter-card"><a class="twitter-timeline" href="${url(link)}">${list ? `@${user} on X (Twitter): ${list.replace(/^lists\//, "list ")}` : `Posts by @${user} on X (Twitter)`}</a></div>`.toString();
    }
    ctx.report({ severity: "error", message: `\`twitter\` needs a tweet or profile URL, not \`${target}\``, hint: "use https://twitter.com/USER/status/ID, or https://twitter.com/USER for a timeline" });
    return "";
  },
};
