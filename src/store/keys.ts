/**
 * KV layout. A version is a route table (path → blob) split into shards; both
 * page blobs and route shards are content-addressed (the key holds the hash
 * of the value) and shared between versions, so publishing writes only what
 * changed: editing one post writes its page, the pages that show it, the few
 * shards that point at those, the version's two small keys and the pointer.
 * A request reads three keys whatever the site's size:
 * `live` (the pointer, which lists the shard hashes), one route shard, one blob.
 *
 *   live                      → Live (current manifest + earlier versions, for rollback)
 *   v/<version>/manifest      → Manifest (immutable)
 *   v/<version>/blobs         → string[] of the version's blob hashes (for cleanup; never read by the worker)
 *   shard/<hash>              → RouteShard (immutable, content-addressed)
 *   blob/<hash>               → page data (immutable, content-addressed)
 */
import type { Manifest } from "./types.ts";

export const LIVE_KEY = "live";
export const manifestKey = (version: string): string => `v/${version}/manifest`;
export const blobListKey = (version: string): string => `v/${version}/blobs`;
export const VERSION_PREFIX = "v/";
export const blobKey = (hash: string): string => `blob/${hash}`;
export const BLOB_PREFIX = "blob/";
export const shardKey = (hash: string): string => `shard/${hash}`;
export const SHARD_PREFIX = "shard/";

/** Hex digits of SHA-256 kept in a key: blobs 128 bits; shards 80 bits, since the pointer lists every shard. */
export const BLOB_HASH_CHARS = 32;
export const SHARD_HASH_CHARS = 20;

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

/** The key of the route shard that holds `path` in a version (null for a manifest without shards). */
export function routeShardKey(manifest: Pick<Manifest, "shards">, path: string): string | null {
  const { shards } = manifest;
  if (!Array.isArray(shards) || shards.length === 0) return null;
  const hash = shards[shardOf(path, shards.length)];
  return typeof hash === "string" ? shardKey(hash) : null;
}

/**
 * The hash a content-addressed key claims for its value (`blob/<h>`, `shard/<h>`),
 * or null for other keys. Publishing checks stored values against it.
 */
export function claimedHash(key: string): string | null {
  if (key.startsWith(BLOB_PREFIX)) return key.slice(BLOB_PREFIX.length);
  if (key.startsWith(SHARD_PREFIX)) return key.slice(SHARD_PREFIX.length);
  return null;
}
