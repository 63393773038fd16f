/** Atom 1.0 (RFC 4287): feed and entries with `id`, `title`, `updated`, alternate and self links, authors. */
import type { FeedChannel } from "./feed-items.ts";
import { feedUpdated } from "./feed-items.ts";
import { xmlDocument, type XmlElement } from "../xml-document.ts";

const person = (name: string, url?: string): XmlElement => ({ name, uri: url });

export function atomFeed(feed: FeedChannel & { self: { atom: string } }): string {
  return xmlDocument("feed", {
    "@xmlns": "http://www.w3.org/2005/Atom",
    // RFC 4287 §4.2.6: the id is a permanent IRI; the feed's own URL is one.
    id: feed.self.atom,
    title: feed.title,
    subtitle: feed.description || undefined,
    updated: feedUpdated(feed.items),
    link: [
      { "@rel": "alternate", "@type": "text/html", "@href": feed.homeUrl },
      { "@rel": "self", "@type": "application/atom+xml", "@href": feed.self.atom },
    ],
    // §4.1.1: a feed needs an author unless every entry has one; the site's is the fallback.
    author: person(feed.author || feed.title),
    generator: "edgefolio",
    entry: feed.items.map((item) => ({
      id: item.url,
      title: item.title,
      updated: item.modified ?? item.published,
      published: item.published,
      link: { "@rel": "alternate", "@type": "text/html", "@href": item.url },
      author: item.authors.map((a) => person(a.name, a.url)),
      summary: item.summary || undefined,
      content: { "@type": "html", "#text": item.contentHtml },
      category: item.tags.map((tag) => ({ "@term": tag })),
    })),
  });
}
