/**
 * The publish protocol, for any KV target (local persistence, Cloudflare, the
 * test runtime's binding). All keys of the new version are written and checked
 * before the pointer moves, so readers see the old version or the new one,
 * never half of one; a failure at any step leaves the old version live.
 * No Node APIs here: the integration tests run it inside workerd.
 *
 * Incremental: page blobs and route shards are content-addressed, so only the
 * ones no earlier version stored are written. What is reused is checked:
 * - existence of every reused key, by listing the prefixes (cheap: 1,000 keys a call);
 * - content, by reading values back and comparing them with what this build
 *   made (equal text ⇔ equal content hash): a random sample per publish
 *   (`sampleSize`, default 128 keys, and `sampleBytes`, 1 Mi units), or every reused key with `verify: "all"`, which
 *   is also the default when the build is already live (a rebuild of unchanged
 *   content then costs reads, no writes, and repairs anything damaged).
 *   Sampled because a whole check reads the whole site on every edit: ~13,000
 *   reads for 10,000 posts, seconds locally and 13 % of the free plan's daily
 *   reads on Cloudflare, to guard against a fault that is rare.
 * A missing or wrong value is written again (repaired). A pointer that is
 * missing or unreadable never stops a publish: the history of kept versions
 * is recovered from their manifests.
 */
import { BLOB_PREFIX, LIVE_KEY, SHARD_PREFIX, VERSION_PREFIX, blobKey, blobListKey, manifestKey, shardKey } from "../../src/store/keys.ts";
import type { Live, Manifest } from "../../src/store/types.ts";
import { isManifest } from "../../src/store/validate.ts";
import type { Bundle, KvEntry } from "../../src/store/bundle.ts";

export interface KvTarget {
  get(key: string): Promise<string | null>;
  /** Values of `keys`, in order (null where absent). Optional: targets with a bulk read define it. */
  getMany?(keys: readonly string[]): Promise<(string | null)[]>;
  putMany(entries: readonly KvEntry[]): Promise<void>;
  /** Keys under `prefix`. Only the build lists KV; the worker never does. */
  listKeys(prefix: string): Promise<Set<string>>;
  deleteMany(keys: readonly string[]): Promise<void>;
}

export interface PublishOptions {
  /** How much of what is reused is read back and compared: a sample (default) or all of it. */
  verify?: "sample" | "all";
  /** Reused keys checked in "sample" mode. */
  sampleSize?: number;
  /** At most this much of their values (UTF-16 units) in a sample, at least one key: default DEFAULT_SAMPLE_BYTES. */
  sampleBytes?: number;
  /** Source of randomness for the sample, in [0, 1). Default Math.random. */
  random?: () => number;
}

export interface PublishReport {
  version: string;
  /** True when this exact content was already live and intact: nothing was written. */
  unchanged: boolean;
  /** Number of keys written, the pointer included. */
  written: number;
  /** The keys written, in order (the pointer last). */
  writtenKeys: string[];
  /** Pages and shards already in KV from earlier versions, not uploaded again. */
  reused: number;
  /** Reused keys whose content was read back and compared. */
  verified: number;
  /** Reused keys found missing or damaged and written again. */
  repaired: string[];
  /** What the pointer looked like before: fine, absent, or unreadable (and replaced). */
  pointer: "ok" | "missing" | "garbled";
  /** Keys of versions older than the kept ones, deleted after the switch. */
  deleted: number;
}

/** How many earlier versions the pointer remembers for rollback. */
export const KEEP_VERSIONS = 5;
export const DEFAULT_SAMPLE = 128;
/**
 * A sample's values in all, at most: packs (src/store/pack.ts) hold ~10 pages in ~64 KB, so 128 of
 * them read 8 MB back on every one-post edit (0.5–1 s locally); 1 Mi units is ~16 packs, as many
 * pages as 128 single-page blobs held.
 */
export const DEFAULT_SAMPLE_BYTES = 1 << 20;

export class PublishError extends Error {}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A manifest read from KV, or null when the text is not one (garbled, truncated, an older layout). */
export function parseManifest(text: string | null): Manifest | null {
  if (text === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  // The worker's own check (src/store/validate.ts): what it would refuse to serve is damaged.
  return isManifest(v) ? v : null;
}

/** The pointer and its state: a damaged pointer is reported, never thrown. */
export async function readPointer(target: KvTarget): Promise<{ live: Live | null; state: PublishReport["pointer"] }> {
  const text = await target.get(LIVE_KEY);
  if (text === null) return { live: null, state: "missing" };
  const manifest = parseManifest(text);
  if (!manifest) return { live: null, state: "garbled" };
  const previous = (manifest as Partial<Live>).previous;
  return { live: { ...manifest, previous: isStringArray(previous) ? previous : [] }, state: "ok" };
}

/** The live version, or null when nothing (readable) is published. */
export async function readLive(target: KvTarget): Promise<Live | null> {
  return (await readPointer(target)).live;
}

/** Versions still stored (their manifests read), newest build first: the history a lost pointer had. */
async function storedVersions(target: KvTarget): Promise<Manifest[]> {
  const keys = [...(await target.listKeys(VERSION_PREFIX))].filter((k) => k.endsWith("/manifest"));
  const manifests = (await getMany(target, keys)).map(parseManifest).filter((m): m is Manifest => m !== null);
  return manifests.sort((a, b) => (a.builtAt < b.builtAt ? 1 : a.builtAt > b.builtAt ? -1 : 0));
}

async function getMany(target: KvTarget, keys: readonly string[]): Promise<(string | null)[]> {
  if (target.getMany) return target.getMany(keys);
  const out: (string | null)[] = [];
  for (let i = 0; i < keys.length; i += 64) out.push(...(await Promise.all(keys.slice(i, i + 64).map((k) => target.get(k)))));
  return out;
}

function sample<T>(items: readonly T[], size: number, random: () => number): T[] {
  if (items.length <= size) return [...items];
  const copy = [...items];
  // Partial Fisher–Yates: the first `size` items are a uniform sample.
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, size);
}

/** A uniform sample of `entries` (see sample) cut where its values pass `bytes` in all, keeping at least one. */
function sampleEntries(entries: readonly KvEntry[], size: number, bytes: number, random: () => number): KvEntry[] {
  const picked = sample(entries, size, random);
  let total = 0;
  const kept: KvEntry[] = [];
  for (const e of picked) {
    total += e.value.length;
    if (kept.length > 0 && total > bytes) break;
    kept.push(e);
  }
  return kept;
}

/** Entries whose stored value differs from `entries` (missing or damaged). */
async function differing(target: KvTarget, entries: readonly KvEntry[]): Promise<KvEntry[]> {
  const stored = await getMany(target, entries.map((e) => e.key));
  return entries.filter((e, i) => stored[i] !== e.value);
}

export async function publish(target: KvTarget, bundle: Bundle, options: PublishOptions = {}): Promise<PublishReport> {
  const { manifest } = bundle;
  const { live, state } = await readPointer(target);
  const alreadyLive = live?.version === manifest.version;
  const mode = options.verify ?? (alreadyLive ? "all" : "sample");
  const random = options.random ?? Math.random;

  // 1. Content-addressed keys: write the ones no earlier version stored.
  const objects = [...bundle.shards, ...bundle.blobs];
  const existing = new Set((await Promise.all([target.listKeys(SHARD_PREFIX), target.listKeys(BLOB_PREFIX)])).flatMap((keys) => [...keys]));
  const fresh = objects.filter((e) => !existing.has(e.key));
  const reused = objects.filter((e) => existing.has(e.key));
  // 2. Check what is reused; damaged keys are written again with the rest.
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE;
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  const checked = mode === "all" ? reused : sampleEntries(reused, sampleSize, sampleBytes, random);
  const repaired = await differing(target, checked);
  const toWrite = [...fresh, ...repaired];
  await target.putMany(toWrite);
  // 3. The version's own keys (blob list, manifest), unless stored intact. A stored manifest
  //    of the same version stays (it differs at most in its build time).
  const versionKeys = bundle.versionEntries.map((e) => e.key);
  const storedVersion = await getMany(target, versionKeys);
  const versionWrites = bundle.versionEntries.filter((e, i) => storedVersion[i] !== e.value && !(e.key === manifestKey(manifest.version) && parseManifest(storedVersion[i] ?? null)?.version === manifest.version));
  await target.putMany(versionWrites);

  if (alreadyLive && state === "ok" && toWrite.length === 0 && versionWrites.length === 0) {
    return { version: manifest.version, unchanged: true, written: 0, writtenKeys: [], reused: reused.length, verified: checked.length, repaired: [], pointer: state, deleted: 0 };
  }

  // 4. Verify: every key of the version exists; what was written reads back as written
  //    (all shards and version keys, and the blobs in the same measure as the check above).
  const writtenBlobs = toWrite.filter((e) => e.key.startsWith(BLOB_PREFIX));
  // Reused keys were listed before; written ones are read back below, or, when only a sample
  // of them is, listed again so that none is missing.
  let stored = new Set([...existing, ...toWrite.map((e) => e.key)]);
  if (mode === "sample" && writtenBlobs.length > sampleSize) {
    stored = new Set([...(await target.listKeys(SHARD_PREFIX)), ...(await target.listKeys(BLOB_PREFIX))]);
    const missing = objects.filter((e) => !stored.has(e.key));
    if (missing.length) throw new PublishError(`verification failed: ${missing.length} keys are missing after writing (first: ${missing[0]!.key})`);
  }
  const readBack = [
    ...versionWrites,
    ...toWrite.filter((e) => e.key.startsWith(SHARD_PREFIX)),
    ...(mode === "all" ? writtenBlobs : sampleEntries(writtenBlobs, sampleSize, sampleBytes, random)),
  ];
  const wrong = await differing(target, readBack);
  if (wrong.length) throw new PublishError(`verification failed: ${wrong[0]!.key} did not read back as written`);

  // 5. Move the pointer, last. A lost pointer's history comes back from the stored manifests.
  const history = live ? [live.version, ...live.previous] : (await storedVersions(target)).map((m) => m.version);
  const previous = [...new Set(history)].filter((v) => v !== manifest.version).slice(0, KEEP_VERSIONS);
  const next: Live = { ...manifest, previous };
  await target.putMany([{ key: LIVE_KEY, value: JSON.stringify(next) }]);

  // 6. Clean up what no kept version needs. Failing here costs storage, never availability.
  const deleted = await collectGarbage(target, [manifest.version, ...previous], stored).catch(() => 0);
  const writtenKeys = [...toWrite, ...versionWrites].map((e) => e.key).concat(LIVE_KEY);
  return {
    version: manifest.version,
    unchanged: false,
    written: writtenKeys.length,
    writtenKeys,
    reused: reused.length - repaired.length,
    verified: checked.length,
    repaired: repaired.map((e) => e.key),
    pointer: state,
    deleted,
  };
}

/**
 * Delete the keys of versions not in `keep`, and blobs and shards none of them uses.
 * Versions whose manifest or blob list cannot be read are kept whole (with what they might use).
 */
export async function collectGarbage(target: KvTarget, keep: readonly string[], objects?: ReadonlySet<string>): Promise<number> {
  const versionKeys = await target.listKeys(VERSION_PREFIX);
  const kept = new Set(keep);
  const doomed = [...versionKeys].filter((k) => !kept.has(k.slice(VERSION_PREFIX.length).split("/")[0]!));
  const used = new Set<string>();
  for (const version of kept) {
    const [list, manifestText] = await getMany(target, [blobListKey(version), manifestKey(version)]);
    const manifest = parseManifest(manifestText ?? null);
    if (list == null || !manifest) return 0; // Cannot tell what this version needs: delete nothing.
    for (const hash of JSON.parse(list) as string[]) used.add(blobKey(hash));
    for (const hash of manifest.shards) used.add(shardKey(hash));
  }
  // `objects`: the blob and shard keys the caller just listed (and wrote), saving a second listing.
  const all = objects ?? new Set([...(await target.listKeys(BLOB_PREFIX)), ...(await target.listKeys(SHARD_PREFIX))]);
  const unused = [...all].filter((k) => !used.has(k));
  const keys = [...doomed, ...unused];
  await target.deleteMany(keys);
  return keys.length;
}

/** Point `live` back at the version before it. */
export async function rollback(target: KvTarget): Promise<{ from: string; to: string }> {
  const live = await readLive(target);
  if (!live) throw new PublishError("nothing readable is published, so there is nothing to roll back; run a build to publish again");
  const [to, ...rest] = live.previous;
  if (!to) throw new PublishError(`version ${live.version} is the only one published; there is no earlier version`);
  const manifest = parseManifest(await target.get(manifestKey(to)));
  if (!manifest) throw new PublishError(`version ${to} is no longer stored`);
  await target.putMany([{ key: LIVE_KEY, value: JSON.stringify({ ...manifest, previous: rest } satisfies Live) }]);
  return { from: live.version, to };
}

/** A KvTarget over a KV binding (getPlatformProxy locally, `env.CONTENT` in tests). */
export function bindingTarget(kv: KVNamespace, concurrency = 32): KvTarget {
  return {
    get: (key) => kv.get(key, "text"),
    async getMany(keys) {
      const out: (string | null)[] = [];
      for (let i = 0; i < keys.length; i += concurrency) out.push(...(await Promise.all(keys.slice(i, i + concurrency).map((k) => kv.get(k, "text")))));
      return out;
    },
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
