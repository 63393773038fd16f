/**
 * The publish protocol, for any KV target (local persistence, Cloudflare, the
 * test runtime's binding). All keys of the new version are written and read
 * back before the pointer moves, so readers see the old version or the new
 * one, never half of one; a failure at any step leaves the old version live.
 * No Node APIs here: the integration tests run it inside workerd.
 */
import { LIVE_KEY, BLOB_PREFIX, VERSION_PREFIX, blobKey, blobListKey, manifestKey } from "../../src/store/keys.ts";
import type { Live, Manifest } from "../../src/store/types.ts";
import type { Bundle, KvEntry } from "../../src/store/bundle.ts";

export interface KvTarget {
  get(key: string): Promise<string | null>;
  putMany(entries: readonly KvEntry[]): Promise<void>;
  /** Keys under `prefix`. Only the build lists KV; the worker never does. */
  listKeys(prefix: string): Promise<Set<string>>;
  deleteMany(keys: readonly string[]): Promise<void>;
}

export interface PublishReport {
  version: string;
  /** True when this exact content was already live: nothing was written. */
  unchanged: boolean;
  written: number;
  /** Blobs already in KV from earlier versions, not uploaded again. */
  reused: number;
  /** Keys of versions older than the kept ones, deleted after the switch. */
  deleted: number;
}

/** How many earlier versions the pointer remembers for rollback. */
export const KEEP_VERSIONS = 5;

export class PublishError extends Error {}

export async function readLive(target: KvTarget): Promise<Live | null> {
  const text = await target.get(LIVE_KEY);
  return text ? (JSON.parse(text) as Live) : null;
}

export async function publish(target: KvTarget, bundle: Bundle): Promise<PublishReport> {
  const { manifest } = bundle;
  const live = await readLive(target);
  if (live?.version === manifest.version) return { version: manifest.version, unchanged: true, written: 0, reused: bundle.blobs.length, deleted: 0 };

  // 1. Blobs are content-addressed: skip the ones any earlier version stored.
  const existing = await target.listKeys(BLOB_PREFIX);
  const newBlobs = bundle.blobs.filter((e) => !existing.has(e.key));
  await target.putMany(newBlobs);
  // 2. The version's own keys (route shards, manifest).
  await target.putMany(bundle.versionEntries);

  // 3. Verify: every key of the version reads back as written, every blob exists.
  for (const entry of bundle.versionEntries) {
    if ((await target.get(entry.key)) !== entry.value) throw new PublishError(`verification failed: ${entry.key} did not read back as written`);
  }
  const after = await target.listKeys(BLOB_PREFIX);
  const missing = bundle.blobs.filter((e) => !after.has(e.key));
  if (missing.length) throw new PublishError(`verification failed: ${missing.length} page blobs are missing (first: ${missing[0]!.key})`);

  // 4. Move the pointer, last.
  const previous = live ? [live.version, ...live.previous.filter((v) => v !== manifest.version)].slice(0, KEEP_VERSIONS) : [];
  const next: Live = { ...manifest, previous };
  await target.putMany([{ key: LIVE_KEY, value: JSON.stringify(next) }]);

  // 5. Clean up what no kept version needs. Failing here costs storage, never availability.
  const deleted = await collectGarbage(target, [manifest.version, ...previous]).catch(() => 0);
  return { version: manifest.version, unchanged: false, written: newBlobs.length + bundle.versionEntries.length + 1, reused: bundle.blobs.length - newBlobs.length, deleted };
}

/**
 * Delete the keys of versions not in `keep`, and blobs none of them uses.
 * Versions whose blob list cannot be read are kept whole (their blobs too).
 */
export async function collectGarbage(target: KvTarget, keep: readonly string[]): Promise<number> {
  const versionKeys = await target.listKeys(VERSION_PREFIX);
  const kept = new Set(keep);
  const doomed = [...versionKeys].filter((k) => !kept.has(k.slice(VERSION_PREFIX.length).split("/")[0]!));
  const used = new Set<string>();
  for (const version of kept) {
    const list = await target.get(blobListKey(version));
    if (list === null) return 0; // Cannot tell what this version needs: delete nothing.
    for (const hash of JSON.parse(list) as string[]) used.add(blobKey(hash));
  }
  const unusedBlobs = [...(await target.listKeys(BLOB_PREFIX))].filter((k) => !used.has(k));
  const keys = [...doomed, ...unusedBlobs];
  await target.deleteMany(keys);
  return keys.length;
}

/** Point `live` back at the version before it. */
export async function rollback(target: KvTarget): Promise<{ from: string; to: string }> {
  const live = await readLive(target);
  if (!live) throw new PublishError("nothing is published, so there is nothing to roll back");
  const [to, ...rest] = live.previous;
  if (!to) throw new PublishError(`version ${live.version} is the only one published; there is no earlier version`);
  const text = await target.get(manifestKey(to));
  if (!text) throw new PublishError(`version ${to} is no longer stored`);
  const manifest = JSON.parse(text) as Manifest;
  await target.putMany([{ key: LIVE_KEY, value: JSON.stringify({ ...manifest, previous: rest } satisfies Live) }]);
  return { from: live.version, to };
}

/** A KvTarget over a KV binding (getPlatformProxy locally, `env.CONTENT` in tests). */
export function bindingTarget(kv: KVNamespace, concurrency = 32): KvTarget {
  return {
    get: (key) => kv.get(key, "text"),
    async putMany(entries) {
      for (let i = 0; i < entries.length; i += concurrency) {
        await Promise.all(entries.slice(i, i + concurrency).map((e) => kv.put(e.key, e.value)));
      }
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += concurrency) {
        await Promise.all(keys.slice(i, i + concurrency).map((k) => kv.delete(k)));
      }
    },
    async listKeys(prefix) {
      const keys = new Set<string>();
      let cursor: string | undefined;
      do {
        const page: KVNamespaceListResult<unknown, string> = await kv.list({ prefix, ...(cursor ? { cursor } : {}) });
        for (const k of page.keys) keys.add(k.name);
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return keys;
    },
  };
}
