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

/** `entries` in consecutive requests within the limits (one oversized pair gets a request of its own). */
export function bulkChunks(entries: readonly KvEntry[], maxKeys = BULK_MAX_KEYS, maxBytes = BULK_MAX_BYTES): KvEntry[][] {
  const chunks: KvEntry[][] = [];
  let current: KvEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = Buffer.byteLength(e.key) + Buffer.byteLength(e.value) + 32;
    if (current.length > 0 && (current.length >= maxKeys || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
