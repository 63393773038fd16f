/**
 * Generated sites for the scale tests: the benchmarks' post generator at 10
 * and 10,000 posts, built by the real build in global setup. Publishing all
 * of a 10,000-post version into the test runtime's KV would take most of a
 * minute, so a test receives the whole route table (every shard, the
 * manifest) and only the blobs of the paths it requests: the worker reads
 * exactly the keys it would read from the full version.
 */
import type { Bundle } from "../../src/store/bundle.ts";
import { blobKey, routeShardKey } from "../../src/store/keys.ts";
import type { RouteShard } from "../../src/store/types.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";
import { LARGE_SITE_PATHS, SCALE_PATHS, type GeneratedSiteStats } from "./generated-site-paths.ts";

/** `bundle` keeping every version key but only the blobs `paths` resolve to. */
export function bundleForPaths(bundle: Bundle, paths: readonly string[]): Bundle {
  const tables = new Map(bundle.shards.map((e) => [e.key, e.value]));
  const wanted = new Set<string>();
  for (const path of paths) {
    const table = JSON.parse(tables.get(routeShardKey(bundle.manifest, path)!)!) as RouteShard;
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
    routes: bundle.shards.reduce((n, e) => n + Object.keys(JSON.parse(e.value) as object).length, 0),
    blobs: bundle.blobs.length,
    largestBlobBytes: Math.max(...bundle.blobs.map((b) => new TextEncoder().encode(b.value).length)),
    buildMs: Math.round(performance.now() - started),
  };
  return { bundle: bundleForPaths(bundle, posts >= 10_000 ? [...SCALE_PATHS, ...LARGE_SITE_PATHS] : SCALE_PATHS), stats };
}
