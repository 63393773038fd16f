/**
 * KV layout. A version is a route table (path → blob) split into shards; page
 * blobs, packs and route shards are content-addressed (the key holds the hash
 * of the value) and shared between versions, so publishing writes only what
 * changed: editing one post writes the packs of its page and of the pages
 * that show it, the few shards that point at those, the version's two small
 * keys and the pointer.
 * A request reads three keys whatever the site's size:
 * `live` (the pointer, which lists the shard hashes), one route shard, one blob.
 *
 *   live                      → Live (current manifest + earlier versions, for rollback)
 *   v/<version>/manifest      → Manifest (immutable)
 *   v/<version>/blobs         → string[] of the version's blob hashes, packs included (for cleanup; never read by the worker)
 *   shard/<hash>              → RouteShard (immutable, content-addressed)
 *   blob/<hash>               → a pack, or the data of one big page (immutable, content-addressed)
 *
 * Packs (src/store/pack.ts) keep a full publish to about one key per ten pages
 * (each key costs a file and an fsynced commit in local KV, and a write of the
 * free plan's 1,000 a day on Cloudflare). A pack is the JSON array
 * `[page,page,…]` of small pages (JSON ≤ PACK_PAGE_MAX) of ONE route shard,
 * about PACK_BYTES in all; a route entry `{ kind, blob, at: [start, length] }`
 * names its pack and its page's slot (UTF-16 units), and the worker parses
 * only that slice. A shard holds the smallest power of two of packs that
 * keeps them near PACK_BYTES, and a page's pack is packOf(path, packs): so an
 * edit rewrites its page's pack and its own shard only, never another
 * shard's. Bigger pages, and every page of versions published before packs,
 * have a blob of their own (an entry without `at`).
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

/** Largest page JSON (UTF-16 units) put in a pack; a bigger page gets a blob of its own. */
export const PACK_PAGE_MAX = 32 * 1024;
/** Page JSON per pack the build aims for (UTF-16 units): see BENCHMARKS.md, "Publish", for the choice. */
export const PACK_BYTES = 64 * 1024;

/** Which shard holds `path` (FNV-1a; must agree between build and worker). */
export function shardOf(path: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/**
 * Which of its shard's `packs` packs holds `path`: a second hash of the path
 * (FNV-1a from another offset basis, then mixed, so it does not follow the
 * shard's bits). Build only: the route entry names the pack.
 */
export function packOf(path: string, packs: number): number {
  let h = 0x050c5d1f;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Murmur3's finalizer: every input bit reaches the low bits the modulo keeps.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % packs;
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
