/** Atom 1.0 (RFC 4287): feed and entries with `id`, `title`, `updated`, alternate and self links, authors. */
import type { FeedChannel } from "./feed-items.ts";
import { feedUpdated } from "./feed-items.ts";
import { textElement, xmlDocument, type XmlElement } from "../xml-document.ts";

function person(parent: XmlElement, name: string, url?: string): void {
  const el = parent.ele("author");
  textElement(el, "name", name);
  if (url) textElement(el, "uri", url);
}

export function atomFeed(feed: FeedChannel & { self: { atom: string } }): string {
  const { root, write } = xmlDocument("feed", { xmlns: "http://www.w3.org/2005/Atom" });
  // RFC 4287 §4.2.6: the id is a permanent IRI; the feed's own URL is one.
  textElement(root, "id", feed.self.atom);
  textElement(root, "title", feed.title);
  if (feed.description) textElement(root, "subtitle", feed.description);
  textElement(root, "updated", feedUpdated(feed.items));
  root.ele("link", { rel: "alternate", type: "text/html", href: feed.homeUrl });
  root.ele("link", { rel: "self", type: "application/atom+xml", href: feed.self.atom });
  // §4.1.1: a feed needs an author unless every entry has one; the site's is the fallback.
  person(root, feed.author || feed.title);
  textElement(root, "generator", "edgefolio");
  for (const item of feed.items) {
    const entry = root.ele("entry");
    textElement(entry, "id", item.url);
    textElement(entry, "title", item.title);
    textElement(entry, "updated", item.modified ?? item.published);
    textElement(entry, "published", item.published);
    entry.ele("link", { rel: "alternate", type: "text/html", href: item.url });
    for (const author of item.authors) person(entry, author.name, author.url);
    if (item.summary) textElement(entry, "summary", item.summary);
    textElement(entry, "content", item.contentHtml, { type: "html" });
    for (const tag of item.tags) entry.ele("category", { term: tag });
  }
  return write();
}
