/** The URL scheme (al-folio's), in one place: every link and every route comes from here. */
import { labelSlug } from "./slug.ts";
import { DEFAULT_PERMALINK, expandPermalink, type PermalinkPost } from "./permalink.ts";

/**
 * A post's site path under the site's `permalink` (default al-folio's
 * `/blog/:year/:title/`): the one function every post link, feed, sitemap
 * entry and route comes from (through `PostMeta.path`).
 */
export const postPath = (post: PermalinkPost, permalink: string = DEFAULT_PERMALINK): string => expandPermalink(permalink, post);
export const blogPagePath = (page: number): string => (page <= 1 ? "/blog/" : `/blog/page/${page}/`);
export const yearPath = (year: string): string => `/blog/${year}/`;
export const tagPath = (tag: string): string => `/blog/tag/${labelSlug(tag)}/`;
export const categoryPath = (category: string): string => `/blog/category/${labelSlug(category)}/`;
/** Site-relative asset reference as al-folio writes it (`assets/img/x.jpg`) → `/assets/img/x.jpg`. */
export const assetPath = (path: string): string => "/" + path.replace(/^\/+/, "");
/**
 * Absolute URL from the site's canonical origin (never from the request's Host).
 * `path` is a site path as this module builds it (not yet percent-encoded):
 * non-ASCII tag slugs and spaces in asset names are percent-encoded, as
 * sitemaps and RSS readers expect URLs rather than IRIs.
 */
export const absoluteUrl = (origin: string, path: string): string => origin.replace(/\/+$/, "") + encodeURI(path);

/**
 * `2024-01-03-december-2023-in-ml.md` → date and slug; null when the name is not dated.
 * Month and day may have one digit (`2024-3-7-title.md`), as Jekyll's post name pattern allows.
 */
export function parsePostFileName(name: string): { date: string; slug: string } | null {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)\.(?:md|markdown)$/.exec(name);
  if (!m) return null;
  return { date: m[1]!, slug: m[2]! };
}

/**
 * The name `{% post_url %}` finds a post by: its file name without extension,
 * month and day zero-padded (`2024-3-7-title` → `2024-03-07-title`). Jekyll
 * compares a post_url's date and title, not its text, so either spelling
 * finds either file.
 */
export function postUrlKey(name: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/.exec(name);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}-${m[4]}` : name;
}

/** Page N of a paginated archive whose first page is `base` (`/blog/2024/` → `/blog/2024/page/2/`). */
export const archivePagePath = (base: string, page: number): string => (page <= 1 ? base : `${base}page/${page}/`);
/** A tag's own feeds, beside its archive: `/blog/tag/ml/feed.xml`, `/blog/tag/ml/feed.json`. */
export const tagFeedPath = (tag: string, format: "xml" | "json"): string => `${tagPath(tag)}feed.${format}`;

/** The site-wide feeds and crawler files (design.md URL table). */
export const FEED_PATHS = { rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json" } as const;
export const SITEMAP_PATH = "/sitemap.xml";
export const ROBOTS_PATH = "/robots.txt";
/** Part N of a sitemap too big for one file, listed by the sitemap index at SITEMAP_PATH. */
export const sitemapPartPath = (n: number): string => `/sitemaps/${n}.xml`;
