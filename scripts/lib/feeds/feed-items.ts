/**
 * What every feed format says about a post, computed once per post: absolute
 * URLs from the site's `url` only, the full body rendered by the worker's own
 * Markdown pipeline, with its site-relative links made absolute (feed readers
 * show content away from the site, where `/assets/x.png` means nothing).
 */
import type { PostRecord, SiteConfig } from "../../../src/content/types.ts";
import { absoluteUrl } from "../../../src/content/urls.ts";
import { postRenderOptions, renderMarkdown } from "../../../src/markdown/pipeline.ts";
import { feedRenderOptions } from "../render/renderers.ts";
import { postImage } from "../post-image.ts";

export interface FeedItem {
  /** Absolute URL of the post; also its permanent id. */
  url: string;
  title: string;
  /** Full post body as HTML. */
  contentHtml: string;
  summary: string;
  /** ISO 8601 with offset. */
  published: string;
  modified?: string;
  tags: string[];
  authors: { name: string; url?: string }[];
  image?: string;
}

/** A feed before it is written in a format: the site-wide one or a tag's. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  /** Absolute URLs of this feed in each format it comes in (each document links to itself). */
  self: { rss: string; atom?: string; json: string };
  author: string;
  items: FeedItem[];
}

// `href="/x"` and `src="/x"` (not protocol-relative `//host`), in trusted post HTML.
const SITE_RELATIVE_ATTR = /\b(href|src|poster)=(["'])\/(?!\/)/gi;
// `href="#x"`: a place in the post (a footnote, a reference, a heading).
const FRAGMENT_HREF = /\bhref=(["'])#/gi;

/**
 * Site-relative links and pictures → absolute on `origin`; with `page` (the
 * post's absolute URL), in-page `#x` links → `page#x`, so they work wherever
 * the reader shows the item.
 */
export function absolutizeLinks(html: string, origin: string, page?: string): string {
  const absolute = html.replace(SITE_RELATIVE_ATTR, (_, attr: string, quote: string) => `${attr}=${quote}${absoluteUrl(origin, "/")}`);
  return page === undefined ? absolute : absolute.replace(FRAGMENT_HREF, (_, quote: string) => `href=${quote}${page}#`);
}

/** A post's body as HTML, as its page shows it (citations and footnotes need the post's bibliography). */
export type RenderPostHtml = (post: PostRecord) => string;

const renderBody: RenderPostHtml = (post) => renderMarkdown(post.body, feedRenderOptions({ ...postRenderOptions(post), cards: false })).html;

/** Feed items of a site's posts, each rendered at most once however many feeds list it. */
export class FeedItems {
  private readonly cache = new Map<PostRecord, FeedItem>();

  constructor(
    private readonly site: SiteConfig,
    private readonly renderHtml: RenderPostHtml = renderBody,
  ) {}

  of(post: PostRecord): FeedItem {
    let item = this.cache.get(post);
    if (!item) {
      item = this.make(post);
      this.cache.set(post, item);
    }
    return item;
  }

  private make(post: PostRecord): FeedItem {
    const { meta } = post;
    const origin = this.site.url;
    const image = postImage(post);
    const authors = meta.authors.length
      ? meta.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) }))
      : this.site.author ? [{ name: this.site.author }] : [];
    const url = absoluteUrl(origin, meta.path);
    return {
      url,
      title: meta.title,
      contentHtml: absolutizeLinks(this.renderHtml(post), origin, url),
      summary: meta.description,
      published: meta.date,
      ...(meta.lastModified ? { modified: meta.lastModified } : {}),
      tags: meta.tags,
      authors,
      ...(image ? { image: image.startsWith("/") ? absoluteUrl(origin, image) : image } : {}),
    };
  }
}

/** When a feed last changed: its newest item's date (never the build's clock, so unchanged content keeps its version). */
export function feedUpdated(items: readonly FeedItem[]): string {
  const dates = items.map((i) => i.modified ?? i.published).sort((a, b) => Date.parse(b) - Date.parse(a));
  // RFC 4287 requires <updated>; an empty feed has not changed since the epoch.
  return dates[0] ?? "1970-01-01T00:00:00Z";
}
