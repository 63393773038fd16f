/**
 * Names, sizes and requested paths of the generated sites (see
 * generated-sites.ts, which builds them in Node); shared with the worker tests.
 */
import type { Bundle } from "../../src/store/bundle.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Generated sites by name (`generated-10000`): bundles trimmed by bundleForPaths, and their size figures. */
    generatedSites: Record<string, { bundle: Bundle; stats: GeneratedSiteStats }>;
  }
}

export const GENERATED_SIZES = [10, 10_000] as const;
export const generatedSiteName = (posts: number): string => `generated-${posts}`;

/** Paths the scale tests request, on every generated site (each exists at both sizes). */
export const SCALE_PATHS = [
  "/", "/blog/", "/blog/page/2/", "/blog/2000/", "/blog/tag/ml/", "/blog/category/generated/",
  "/blog/2000/post-3/", "/feed.xml", "/atom.xml", "/feed.json", "/blog/tag/ml/feed.xml", "/blog/tag/ml/feed.json",
  "/sitemap.xml", "/robots.txt",
];

/** Paths only the 10,000-post site has: the far ends of its lists and its sitemap parts. */
export const LARGE_SITE_PATHS = ["/blog/page/2000/", "/blog/tag/ml/page/40/", "/sitemaps/1.xml", "/sitemaps/7.xml"];

export interface GeneratedSiteStats {
  posts: number;
  routes: number;
  blobs: number;
  /** The largest stored page or document: what bounds the bytes one request reads. */
  largestBlobBytes: number;
  buildMs: number;
}
