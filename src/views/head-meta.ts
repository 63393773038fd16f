/**
 * What the <head> tells machines about a page: feed autodiscovery,
 * OpenGraph and Twitter card previews, and JSON-LD. Absolute URLs come only
 * from the site's `url` (site.yml), never from the request.
 */
import { html, raw, url, type SafeHtml } from "../escape/html.ts";
import { jsonForScript } from "../escape/index.ts";
import type { SiteConfig } from "../content/types.ts";
import { FEED_PATHS, absoluteUrl } from "../content/urls.ts";

/** A page's own feeds (a tag's), advertised besides the site's. */
export interface PageFeeds {
  title: string;
  rss: string;
  json: string;
}

export interface SocialPreview {
  /** OpenGraph type: a post is an `article`, every other page a `website`. */
  type: "article" | "website";
  /** Site path or absolute URL of the preview picture. */
  image?: string;
  /** ISO date-time, for `article:published_time`. */
  published?: string;
}

/** `<link rel="alternate">` for the site's RSS, Atom and JSON feeds, then the page's own. */
export function feedLinks(site: SiteConfig, own?: PageFeeds): SafeHtml {
  const abs = (path: string) => url(absoluteUrl(site.url, path));
  return html`<link rel="alternate" type="application/rss+xml" title="${site.title} (RSS)" href="${abs(FEED_PATHS.rss)}">
<link rel="alternate" type="application/atom+xml" title="${site.title} (Atom)" href="${abs(FEED_PATHS.atom)}">
<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="${abs(FEED_PATHS.json)}">
${own ? html`<link rel="alternate" type="application/rss+xml" title="${own.title} (RSS)" href="${abs(own.rss)}">
<link rel="alternate" type="application/feed+json" title="${own.title} (JSON Feed)" href="${abs(own.json)}">` : ""}`;
}

/** Absolute URL of a site path or an absolute URL. */
export function imageUrl(site: SiteConfig, image: string): string {
  return image.startsWith("/") ? absoluteUrl(site.url, image) : image;
}

/** OpenGraph (https://ogp.me) and Twitter card meta. */
export function socialMeta(site: SiteConfig, page: { title: string; description: string; canonical?: string | undefined }, preview: SocialPreview): SafeHtml {
  const image = preview.image ? imageUrl(site, preview.image) : undefined;
  return html`<meta property="og:type" content="${preview.type}">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${page.title}">
${page.description ? html`<meta property="og:description" content="${page.description}">` : ""}
${page.canonical === undefined ? "" : html`<meta property="og:url" content="${url(page.canonical)}">`}
${image ? html`<meta property="og:image" content="${url(image)}">` : ""}
${preview.published ? html`<meta property="article:published_time" content="${preview.published}">` : ""}
<meta name="twitter:card" content="${image ? "summary_large_image" : "summary"}">
<meta name="twitter:title" content="${page.title}">
${page.description ? html`<meta name="twitter:description" content="${page.description}">` : ""}
${image ? html`<meta name="twitter:image" content="${url(image)}">` : ""}`;
}

/** JSON-LD in a script element; `jsonForScript` writes `<` as `\u003c`, so data cannot close the element. */
export function structuredData(value: unknown): SafeHtml {
  return html`<script type="application/ld+json">${raw(jsonForScript(value))}</script>`;
}
