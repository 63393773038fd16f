/**
 * Turn a site's routes into the KV entries of one version (see keys.ts).
 * Pure and runtime-neutral (WebCrypto), so the build and the tests use it alike.
 */
import { BLOB_HASH_CHARS, SHARD_HASH_CHARS, blobKey, blobListKey, manifestKey, shardCount, shardKey, shardOf } from "./keys.ts";
import type { Manifest, RouteEntry, RouteKind, RouteShard } from "./types.ts";

export interface KvEntry {
  key: string;
  value: string;
}

/** A page of the site before it is stored: its kind and the data its view needs. */
export type SitePage = { kind: RouteKind; data: unknown } | { kind: "redirect"; to: string };

export interface Bundle {
  manifest: Manifest;
  /** Page blobs, content-addressed: may already exist in KV from earlier versions. */
  blobs: KvEntry[];
  /** Route shards, content-addressed likewise: an unchanged shard is shared with earlier versions. */
  shards: KvEntry[];
  /** Keys of this version only: the blob list and the manifest. */
  versionEntries: KvEntry[];
}

/** Lowercase hex SHA-256 of the UTF-8 text, cut to `chars` digits. */
export async function contentHash(text: string, chars: number): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, "0");
  return hex.slice(0, chars);
}

/** The content-addressed entry of `value`: its key names the hash of the value. */
export async function blobEntry(value: string): Promise<KvEntry> {
  return { key: blobKey(await contentHash(value, BLOB_HASH_CHARS)), value };
}

/** Full lowercase hex SHA-256 of UTF-8 text; the build passes Node's (synchronous, several times faster than WebCrypto's). */
export type Sha256Hex = (text: string) => string | Promise<string>;

const webCryptoSha256: Sha256Hex = (text) => contentHash(text, 64);

/**
 * What makeBundle keeps between the builds of one process (npm run dev): a
 * page's JSON and hash by its data object (the site pages reuse the data
 * object of a page whose inputs did not change, and never mutate one) or by
 * its text (documents), and the last build's hashes by JSON text. Both are pure caches: a bundle made
 * with a memo equals the one made without.
 */
export class BundleMemo {
  readonly byData = new WeakMap<object, { json: string; hash: string }>();
  /** Documents (feeds, sitemap: text data) of the last build, by their text. */
  byText = new Map<string, { json: string; hash: string }>();
  byJson = new Map<string, string>();
}

/**
 * The KV entries of a version: each page's JSON stored once under its hash,
 * routes cut into content-addressed shards, the manifest naming them.
 * `sha256` hashes text (Node's in the build); `memo` skips the JSON and hash
 * of pages made by an earlier build of this process (see BundleMemo).
 */
export async function makeBundle(
  pages: ReadonlyMap<string, SitePage>,
  base: Omit<Manifest, "version" | "shards">,
  sha256: Sha256Hex = webCryptoSha256,
  memo?: BundleMemo,
): Promise<Bundle> {
  const hashOf = async (text: string, chars: number) => (await sha256(text)).slice(0, chars);
  const blobs = new Map<string, string>();
  const routes: [string, RouteEntry][] = [];
  const byJson = new Map<string, string>();
  const byText = new Map<string, { json: string; hash: string }>();
  for (const [path, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (page.kind === "redirect") {
      routes.push([path, { kind: "redirect", to: page.to }]);
      continue;
    }
    const data = typeof page.data === "object" && page.data !== null ? page.data : undefined;
    const text = typeof page.data === "string" ? page.data : undefined;
    let stored = data ? memo?.byData.get(data) : text !== undefined ? memo?.byText.get(text) : undefined;
    if (!stored) {
      const json = JSON.stringify(page.data);
      stored = { json, hash: memo?.byJson.get(json) ?? (await hashOf(json, BLOB_HASH_CHARS)) };
      if (memo && data) memo.byData.set(data, stored);
      else if (memo) byJson.set(json, stored.hash);
    }
    if (memo && text !== undefined) byText.set(text, stored);
    blobs.set(stored.hash, stored.json);
    routes.push([path, { kind: page.kind, blob: stored.hash }]);
  }
  // Only this build's texts: the memo does not grow with every edit.
  if (memo) {
    memo.byJson = byJson;
    memo.byText = byText;
  }

  const tables: RouteShard[] = Array.from({ length: shardCount(routes.length) }, () => ({}));
  for (const [path, entry] of routes) tables[shardOf(path, tables.length)]![path] = entry;
  const shards: KvEntry[] = [];
  const shardHashes: string[] = [];
  for (const table of tables) {
    const value = JSON.stringify(table);
    const hash = await hashOf(value, SHARD_HASH_CHARS);
    shardHashes.push(hash);
    shards.push({ key: shardKey(hash), value });
  }

  // The version is a hash of everything a reader can see, minus the build time,
  // so rebuilding unchanged content is recognised as "already live".
  const { builtAt, ...stable } = base;
  const version = await hashOf(JSON.stringify([stable, shardHashes]), 16);
  const manifest: Manifest = { ...base, builtAt, version, shards: shardHashes };

  return {
    manifest,
    blobs: [...blobs].map(([hash, value]) => ({ key: blobKey(hash), value })),
    // Two shards of one version are never equal (their paths differ), except empty ones.
    shards: [...new Map(shards.map((s) => [s.key, s])).values()],
    versionEntries: [
      { key: blobListKey(version), value: JSON.stringify([...blobs.keys()]) },
      { key: manifestKey(version), value: JSON.stringify(manifest) },
    ],
  };
}
