/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with full content in
 * `content:encoded` (RSS content module) and `atom:link rel="self"`, as the
 * RSS Advisory Board's best practices recommend.
 */
import type { FeedChannel } from "./feed-items.ts";
import { feedUpdated } from "./feed-items.ts";
import { xmlDocument } from "../xml-document.ts";

/** RFC 822 date-time (RSS 2.0 `pubDate`), in GMT: `Wed, 03 Jan 2024 00:00:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function rssFeed(feed: FeedChannel): string {
  return xmlDocument("rss", {
    "@version": "2.0",
    "@xmlns:atom": "http://www.w3.org/2005/Atom",
    "@xmlns:content": "http://purl.org/rss/1.0/modules/content/",
    "@xmlns:dc": "http://purl.org/dc/elements/1.1/",
    channel: {
      title: feed.title,
      link: feed.homeUrl,
      // `description` is required in a channel.
      description: feed.description || feed.title,
      "atom:link": { "@href": feed.self.rss, "@rel": "self", "@type": "application/rss+xml" },
      lastBuildDate: rfc822(feedUpdated(feed.items)),
      generator: "edgefolio",
      item: feed.items.map((item) => ({
        title: item.title,
        link: item.url,
        guid: { "@isPermaLink": "true", "#text": item.url },
        pubDate: rfc822(item.published),
        description: item.summary || undefined,
        "content:encoded": item.contentHtml,
        // RSS `author` must be an e-mail address; Dublin Core's creator takes a name.
        "dc:creator": item.authors.map((a) => a.name),
        category: item.tags,
      })),
    },
  });
}
