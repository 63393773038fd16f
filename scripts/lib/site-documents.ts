/**
 * The documents the build writes whole (feeds, sitemap, robots.txt), beside
 * the pages of site-pages.ts. Each is one blob, so serving one reads the same
 * three keys as a page; every feed holds the latest `feed_items` posts only.
 */
import type { PostRecord, SiteConfig } from "../../src/content/types.ts";
import type { HomePage, ListPage, PostPage } from "../../src/store/types.ts";
import type { SitePage } from "../../src/store/bundle.ts";
import { FEED_PATHS, ROBOTS_PATH, absoluteUrl, tagFeedPath, tagPath } from "../../src/content/urls.ts";
import { FeedItems, type FeedChannel, type RenderPostHtml } from "./feeds/feed-items.ts";
import { rssFeed } from "./feeds/rss.ts";
import { atomFeed } from "./feeds/atom.ts";
import { jsonFeed } from "./feeds/json-feed.ts";
import { sitemapDocuments, type SitemapEntry } from "./seo/sitemap.ts";
import { robotsTxt } from "./seo/robots.ts";
import { groupBy, newestFirst } from "./post-groups.ts";

function document(kind: Exclude<SitePage["kind"], "redirect" | "post" | "list" | "home">, body: string): SitePage {
  return { kind, data: body };
}

/** What a crawler should know of each page: listed pages only (no redirects, no documents). */
export function sitemapEntries(pages: ReadonlyMap<string, SitePage>): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const [path, page] of pages) {
    let lastmod: string | undefined;
    if (page.kind === "post") {
      const { meta } = (page.data as PostPage).post;
      lastmod = meta.lastModified ?? meta.date;
    } else if (page.kind === "list") lastmod = (page.data as ListPage).posts[0]?.date;
    else if (page.kind === "home") lastmod = (page.data as HomePage).latest[0]?.date;
    else continue;
    entries.push({ path, ...(lastmod ? { lastmod } : {}) });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Feeds, sitemap and robots.txt by site path. `pages` are the site's pages
 * (for the sitemap); `renderHtml` renders a post's body for the feeds
 * (default: the Markdown pipeline with no options).
 */
export function siteDocuments(posts: readonly PostRecord[], site: SiteConfig, pages: ReadonlyMap<string, SitePage>, renderHtml?: RenderPostHtml): Map<string, SitePage> {
  const docs = new Map<string, SitePage>();
  // A redirected post is an old address, not an entry of its own.
  const listed = newestFirst(posts).filter((p) => !p.meta.redirect);
  const items = new FeedItems(site, renderHtml);
  const abs = (path: string) => absoluteUrl(site.url, path);

  const siteFeed = {
    title: site.title,
    description: site.description,
    homeUrl: abs("/"),
    self: { rss: abs(FEED_PATHS.rss), atom: abs(FEED_PATHS.atom), json: abs(FEED_PATHS.json) },
    author: site.author,
    items: listed.slice(0, site.feedItems).map((p) => items.of(p)),
  } satisfies FeedChannel;
  docs.set(FEED_PATHS.rss, document("rss", rssFeed(siteFeed)));
  docs.set(FEED_PATHS.atom, document("atom", atomFeed(siteFeed)));
  docs.set(FEED_PATHS.json, document("json-feed", jsonFeed(siteFeed)));

  for (const { label, posts: tagged } of groupBy(listed, (p) => p.meta.tags).values()) {
    const rss = tagFeedPath(label, "xml");
    const json = tagFeedPath(label, "json");
    const tagFeed: FeedChannel = {
      title: `${site.title}: #${label}`,
      description: `Posts tagged #${label}`,
      homeUrl: abs(tagPath(label)),
      self: { rss: abs(rss), json: abs(json) },
      author: site.author,
      items: tagged.slice(0, site.feedItems).map((p) => items.of(p)),
    };
    docs.set(rss, document("rss", rssFeed(tagFeed)));
    docs.set(json, document("json-feed", jsonFeed(tagFeed)));
  }

  for (const [path, body] of sitemapDocuments(site.url, sitemapEntries(pages))) docs.set(path, document("sitemap", body));
  docs.set(ROBOTS_PATH, document("robots", robotsTxt(site.url)));
  return docs;
}
