/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), served as `application/feed+json`. */
import type { FeedChannel } from "./feed-items.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function jsonFeed(feed: FeedChannel): string {
  const doc = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.self.json,
    ...(feed.description ? { description: feed.description } : {}),
    ...(feed.author ? { authors: [{ name: feed.author }] } : {}),
    language: "en",
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published,
      ...(item.modified ? { date_modified: item.modified } : {}),
      tags: item.tags,
      ...(item.authors.length ? { authors: item.authors } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
