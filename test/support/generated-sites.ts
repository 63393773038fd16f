/**
 * Generated sites for the scale tests: the benchmarks' post generator at 10
 * and 10,000 posts, built by the real build in global setup. Publishing all
 * of a 10,000-post version into the test runtime's KV would take most of a
 * minute, so a test receives the whole route table (every shard, the
 * manifest) and only the blobs of the paths it requests: the worker reads
 * exactly the keys it would read from the full version.
 */
import type { Bundle } from "../../src/store/bundle.ts";
import { blobKey, shardKey, shardOf } from "../../src/store/keys.ts";
import type { RouteShard } from "../../src/store/types.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";

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

/** `bundle` keeping every version key but only the blobs `paths` resolve to. */
export function bundleForPaths(bundle: Bundle, paths: readonly string[]): Bundle {
  const { version, shards } = bundle.manifest;
  const tables = new Map(bundle.versionEntries.map((e) => [e.key, e.value]));
  const wanted = new Set<string>();
  for (const path of paths) {
    const table = JSON.parse(tables.get(shardKey(version, shardOf(path, shards)))!) as RouteShard;
    const entry = table[path];
    if (!entry) throw new Error(`generated site has no route ${path}`);
    if (entry.kind !== "redirect") wanted.add(blobKey(entry.blob));
  }
  return { ...bundle, blobs: bundle.blobs.filter((b) => wanted.has(b.key)) };
}

export async function buildGeneratedSite(posts: number, now: Date): Promise<{ bundle: Bundle; stats: GeneratedSiteStats }> {
  const started = performance.now();
  const result = await buildSite(generatedSite(posts), { now });
  if (!result.bundle) throw new Error(`generated site of ${posts} posts does not build: ${result.problems.map((p) => p.message).join("; ")}`);
  const { bundle } = result;
  const stats: GeneratedSiteStats = {
    posts: result.published.length,
    routes: bundle.versionEntries.reduce((n, e) => n + (e.key.includes("/routes/") ? Object.keys(JSON.parse(e.value) as object).length : 0), 0),
    blobs: bundle.blobs.length,
    largestBlobBytes: Math.max(...bundle.blobs.map((b) => new TextEncoder().encode(b.value).length)),
    buildMs: Math.round(performance.now() - started),
  };
  return { bundle: bundleForPaths(bundle, posts >= 10_000 ? [...SCALE_PATHS, ...LARGE_SITE_PATHS] : SCALE_PATHS), stats };
}
