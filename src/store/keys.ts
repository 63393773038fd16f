/**
 * KV layout. A version is a route table (path → blob) split into shards; blobs
 * are content-addressed and shared between versions, so publishing writes only
 * what changed. A request reads three keys whatever the site's size:
 * `live` (the pointer), one route shard, one blob.
 *
 *   live                      → Live (current manifest + earlier versions, for rollback)
 *   v/<version>/manifest      → Manifest (immutable)
 *   v/<version>/routes/<n>    → RouteShard (immutable)
 *   v/<version>/blobs         → string[] of the version's blob hashes (for cleanup; never read by the worker)
 *   blob/<sha256>             → page data (immutable, content-addressed)
 */
export const LIVE_KEY = "live";
export const manifestKey = (version: string): string => `v/${version}/manifest`;
export const shardKey = (version: string, shard: number): string => `v/${version}/routes/${shard}`;
export const blobListKey = (version: string): string => `v/${version}/blobs`;
export const VERSION_PREFIX = "v/";
export const blobKey = (hash: string): string => `blob/${hash}`;
export const BLOB_PREFIX = "blob/";

/** Routes per shard the build aims for: keeps a shard a few KB at any site size. */
export const ROUTES_PER_SHARD = 64;

/** Which shard holds `path` (FNV-1a; must agree between build and worker). */
export function shardOf(path: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/** Shard count for `routes` routes: a power of two, so growth re-shards rarely. */
export function shardCount(routes: number): number {
  let n = 1;
  while (n * ROUTES_PER_SHARD < routes) n *= 2;
  return n;
}
