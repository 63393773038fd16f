/**
 * The static card `{% twitter URL %}` shows for one tweet: the author's
 * handle, the date (read from the status id, no network), the link, and the
 * tweet's text when the author wrote it in the tag (`text="…"`), so a post
 * stays readable when the tweet is gone. Shaped like Twitter's own embed
 * code (`blockquote.twitter-tweet`, the status link last), so widgets.js can
 * still upgrade it when a site enables it.
 */
import { html, url, type SafeHtml } from "../../escape/html.ts";
import { displayDate } from "../../content/dates.ts";

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z), in ms. */
const TWITTER_EPOCH = 1288834974657n;

/**
 * When a tweet was posted, from its status id: ids since November 2010 are
 * snowflakes whose bits above the lowest 22 count milliseconds since
 * Twitter's epoch (https://github.com/twitter-archive/snowflake, id layout).
 * Older, sequential ids carry no time: undefined.
 * @example tweetDate("1734235232231047394") // "2023-12-11T…Z"
 */
export function tweetDate(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const ms = BigInt(id) >> 22n;
  // Less than a day after the epoch: a pre-snowflake id, not a time.
  if (ms < 86_400_000n) return undefined;
  return new Date(Number(ms + TWITTER_EPOCH)).toISOString();
}

/** The card for tweet `id` by `user`; `text` is the tweet as the author quoted it (escaped text). */
export function tweetCard(user: string, id: string, text?: string): SafeHtml {
  const profile = `https://twitter.com/${user}`;
  const link = `${profile}/status/${id}`;
  const date = tweetDate(id);
  const body = text ? html`<p class="tweet-text">${text}</p>` : html`<p class="tweet-text">A post on X (Twitter) by <a href="${url(profile)}">@${user}</a>.</p>`;
  return html`<blockquote class="twitter-tweet tweet-card">${body}<p class="tweet-meta">— <a href="${url(profile)}">@${user}</a> · <a href="${url(link)}">${date ? html`<time datetime="${date}">${displayDate(date)}</time>` : "view on X"}</a></p></blockquote>`;
}
