/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with full content in
 * `content:encoded` (RSS content module) and `atom:link rel="self"`, as the
 * RSS Advisory Board's best practices recommend.
 */
import type { FeedChannel } from "./feed-items.ts";
import { feedUpdated } from "./feed-items.ts";
import { textElement, xmlDocument } from "../xml-document.ts";

/** RFC 822 date-time (RSS 2.0 `pubDate`), in GMT: `Wed, 03 Jan 2024 00:00:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function rssFeed(feed: FeedChannel): string {
  const { root, write } = xmlDocument("rss", {
    version: "2.0",
    "xmlns:atom": "http://www.w3.org/2005/Atom",
    "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  });
  const channel = root.ele("channel");
  textElement(channel, "title", feed.title);
  textElement(channel, "link", feed.homeUrl);
  // `description` is required in a channel; an empty one is allowed.
  textElement(channel, "description", feed.description || feed.title);
  channel.ele("atom:link", { href: feed.self.rss, rel: "self", type: "application/rss+xml" });
  textElement(channel, "lastBuildDate", rfc822(feedUpdated(feed.items)));
  textElement(channel, "generator", "edgefolio");
  for (const item of feed.items) {
    const el = channel.ele("item");
    textElement(el, "title", item.title);
    textElement(el, "link", item.url);
    textElement(el, "guid", item.url, { isPermaLink: "true" });
    textElement(el, "pubDate", rfc822(item.published));
    if (item.summary) textElement(el, "description", item.summary);
    textElement(el, "content:encoded", item.contentHtml);
    // RSS `author` must be an e-mail address; Dublin Core's creator takes a name.
    for (const author of item.authors) textElement(el, "dc:creator", author.name);
    for (const tag of item.tags) textElement(el, "category", tag);
  }
  return write();
}
