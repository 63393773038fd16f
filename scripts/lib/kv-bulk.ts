/**
 * Cloudflare's bulk write limits, for `wrangler kv bulk put`: at most 10,000
 * pairs and 100 MB per request (Workers KV limits). The build's writes are
 * cut into requests within both, in order, so the pointer (written last, on
 * its own) still goes last.
 */
import type { KvEntry } from "../../src/store/bundle.ts";

export const BULK_MAX_KEYS = 10_000;
/** 100 MB less a margin for the JSON around the values. */
export const BULK_MAX_BYTES = 95 * 1024 * 1024;

/**
 * Consecutive slices of `items`, each of at most `maxItems` items and
 * `maxBytes` by `size` (bytes, the caller's estimate); one item larger than
 * `maxBytes` gets a slice of its own. Order is kept.
 */
export function sizedBatches<T>(items: readonly T[], size: (item: T) => number, maxItems: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (current.length >= maxItems || bytes + n > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length) out.push(current);
  return out;
}

/** `entries` in consecutive requests within the limits (one oversized pair gets a request of its own). */
export function bulkChunks(entries: readonly KvEntry[], maxKeys = BULK_MAX_KEYS, maxBytes = BULK_MAX_BYTES): KvEntry[][] {
  return sizedBatches(entries, (e) => Buffer.byteLength(e.key) + Buffer.byteLength(e.value) + 32, maxKeys, maxBytes);
}
