/**
 * Turn a site's routes into the KV entries of one version (see keys.ts).
 * Pure and runtime-neutral (WebCrypto), so the build and the tests use it alike.
 */
import { BLOB_HASH_CHARS, PACK_BYTES, PACK_PAGE_MAX, SHARD_HASH_CHARS, blobKey, blobListKey, manifestKey, packOf, routeShardKey, shardCount, shardKey, shardOf } from "./keys.ts";
import { packSlice, packText, type PackSlot } from "./pack.ts";
import type { Manifest, RouteEntry, RouteKind, RouteShard } from "./types.ts";

export interface KvEntry {
  key: string;
  value: string;
}

/** A page of the site before it is stored: its kind and the data its view needs. */
export type SitePage = { kind: RouteKind; data: unknown } | { kind: "redirect"; to: string };

export interface Bundle {
  manifest: Manifest;
  /** Pages of the version (routes other than redirects). */
  pages: number;
  /** Page blobs and packs, content-addressed: may already exist in KV from earlier versions. */
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
 * its text (documents), the last build's hashes by JSON text, and its packs
 * by their first page (checked page by page). All are pure caches: a bundle made with a
 * memo equals the one made without.
 */
export class BundleMemo {
  readonly byData = new WeakMap<object, { json: string; hash: string }>();
  /** Documents (feeds, sitemap: text data) of the last build, by their text. */
  byText = new Map<string, { json: string; hash: string }>();
  byJson = new Map<string, string>();
  /** The last build's packs, by the hash of their first page (each lists its pages' hashes, in pack order). */
  packs = new Map<string, Pack>();
}

/** A pack as made: its text, its hash, the slot of each of its pages in order, and (for the memo) their hashes. */
interface Pack {
  text: string;
  hash: string;
  at: PackSlot[];
  members: (string | undefined)[];
}

/** The route a packed page gets once its pack is made (a placeholder that keeps the shard in path order). */
const PACKED_LATER: RouteEntry = { kind: "post", blob: "" };

/** A page's JSON, and its hash when known (made lazily: packed pages need one only for the memo). */
interface PageJson {
  path: string;
  kind: RouteKind;
  json: string;
  hash: string | undefined;
}

/**
 * How makeBundle packs pages (defaults: keys.ts's PACK_PAGE_MAX and PACK_BYTES).
 * `pageMax: 0` packs nothing: every page in a blob of its own, the layout of
 * versions published before packs (tests make such versions; benchmarks try sizes).
 */
export interface Packing {
  /** Largest page JSON put in a pack (UTF-16 units). */
  pageMax: number;
  /** Page JSON per pack aimed for (UTF-16 units). */
  bytes: number;
}

export const DEFAULT_PACKING: Packing = { pageMax: PACK_PAGE_MAX, bytes: PACK_BYTES };

/**
 * The KV entries of a version: routes cut into content-addressed shards, the
 * manifest naming them; each shard's small pages (JSON ≤ PACK_PAGE_MAX) stored
 * in packs of that shard only (about PACK_BYTES each, membership by packOf, so
 * an edit rewrites the pack and the shard of the page it changes), bigger
 * pages each in a blob of their own (see keys.ts).
 * `sha256` hashes text (Node's in the build); `memo` skips the JSON and hash
 * of pages and packs made by an earlier build of this process (see BundleMemo)
 * (a memo serves one packing: the dev server never changes it).
 */
export async function makeBundle(
  pages: ReadonlyMap<string, SitePage>,
  base: Omit<Manifest, "version" | "shards">,
  sha256: Sha256Hex = webCryptoSha256,
  memo?: BundleMemo,
  packing: Packing = DEFAULT_PACKING,
): Promise<Bundle> {
  const hashOf = async (text: string, chars: number) => (await sha256(text)).slice(0, chars);
  const shardTotal = shardCount(pages.size);
  const tables: RouteShard[] = Array.from({ length: shardTotal }, () => ({}));
  const packable: PageJson[][] = Array.from({ length: shardTotal }, () => []);
  const blobs = new Map<string, string>();
  const byJson = new Map<string, string>();
  const byText = new Map<string, { json: string; hash: string }>();
  for (const [path, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const shard = shardOf(path, shardTotal);
    if (page.kind === "redirect") {
      tables[shard]![path] = { kind: "redirect", to: page.to };
      continue;
    }
    const data = typeof page.data === "object" && page.data !== null ? page.data : undefined;
    const text = typeof page.data === "string" ? page.data : undefined;
    let stored: { json: string; hash?: string } | undefined = data ? memo?.byData.get(data) : text !== undefined ? memo?.byText.get(text) : undefined;
    if (!stored) {
      const json = JSON.stringify(page.data);
      // Without a memo a packed page needs no hash of its own (its pack has one).
      const hash = memo?.byJson.get(json) ?? (memo || json.length > packing.pageMax ? await hashOf(json, BLOB_HASH_CHARS) : undefined);
      stored = { json, ...(hash ? { hash } : {}) };
      if (memo && data) memo.byData.set(data, stored as { json: string; hash: string });
      else if (memo) byJson.set(json, hash!);
    }
    if (memo && text !== undefined) byText.set(text, stored as { json: string; hash: string });
    if (stored.json.length > packing.pageMax) {
      blobs.set(stored.hash!, stored.json);
      tables[shard]![path] = { kind: page.kind, blob: stored.hash! };
    } else {
      packable[shard]!.push({ path, kind: page.kind, json: stored.json, hash: stored.hash });
      tables[shard]![path] = PACKED_LATER;
    }
  }

  // Packs, shard by shard: a power of two of them per shard, enough for PACK_BYTES each.
  const packs = new Map<string, Pack>();
  for (const [shard, list] of packable.entries()) {
    let bytes = 0;
    for (const p of list) bytes += p.json.length;
    let count = 1;
    while (count * packing.bytes < bytes) count *= 2;
    const groups: PageJson[][] = Array.from({ length: count }, () => []);
    for (const p of list) groups[packOf(p.path, count)]!.push(p);
    for (const group of groups) {
      if (group.length === 0) continue;
      // The last build's pack of the same pages (compared hash by hash: no key text to build).
      let pack = memo?.packs.get(group[0]!.hash!);
      if (!pack || pack.members.length !== group.length || !group.every((p, i) => p.hash === pack!.members[i])) {
        const made = packText(group.map((p) => p.json));
        pack = { ...made, hash: await hashOf(made.text, BLOB_HASH_CHARS), members: memo ? group.map((p) => p.hash) : [] };
      }
      if (memo) packs.set(group[0]!.hash!, pack);
      blobs.set(pack.hash, pack.text);
      for (const [i, p] of group.entries()) tables[shard]![p.path] = { kind: p.kind, blob: pack.hash, at: pack.at[i]! };
    }
  }
  // Only this build's texts and packs: the memo does not grow with every edit.
  if (memo) {
    memo.byJson = byJson;
    memo.byText = byText;
    memo.packs = packs;
  }

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
    pages: pages.size - [...pages.values()].filter((p) => p.kind === "redirect").length,
    blobs: [...blobs].map(([hash, value]) => ({ key: blobKey(hash), value })),
    // Two shards of one version are never equal (their paths differ), except empty ones.
    shards: [...new Map(shards.map((s) => [s.key, s])).values()],
    versionEntries: [
      { key: blobListKey(version), value: JSON.stringify([...blobs.keys()]) },
      { key: manifestKey(version), value: JSON.stringify(manifest) },
    ],
  };
}

/**
 * The stored JSON of the page at `path` in `bundle`, found as the worker finds
 * it (route shard → blob, sliced out of its pack), or null when the bundle
 * has no page there. For tests and benchmarks that read a bundle without KV.
 */
export function bundlePageJson(bundle: Pick<Bundle, "manifest" | "shards" | "blobs">, path: string): string | null {
  const key = routeShardKey(bundle.manifest, path);
  const shard = bundle.shards.find((e) => e.key === key);
  const entry = shard ? (JSON.parse(shard.value) as RouteShard)[path] : undefined;
  if (!entry || entry.kind === "redirect") return null;
  const blob = bundle.blobs.find((b) => b.key === blobKey(entry.blob));
  if (!blob) return null;
  return entry.at ? packSlice(blob.value, entry.at) : blob.value;
}

/** Every route of `bundle` as the SitePage it was made from (page data parsed back): to make a variant of a built site. */
export function bundleSitePages(bundle: Pick<Bundle, "shards" | "blobs">): Map<string, SitePage> {
  const blobs = new Map(bundle.blobs.map((b) => [b.key, b.value]));
  const pages = new Map<string, SitePage>();
  for (const shard of bundle.shards) {
    for (const [path, entry] of Object.entries(JSON.parse(shard.value) as RouteShard)) {
      if (entry.kind === "redirect") {
        pages.set(path, entry);
        continue;
      }
      const blob = blobs.get(blobKey(entry.blob));
      const json = blob === undefined ? null : entry.at ? packSlice(blob, entry.at) : blob;
      if (json === null) throw new Error(`bundle has no page data for ${path}`);
      pages.set(path, { kind: entry.kind, data: JSON.parse(json) as unknown });
    }
  }
  return pages;
}

/** What makeBundle takes to make `manifest` again: the manifest without its version and shards. */
export function manifestBase(manifest: Manifest): Omit<Manifest, "version" | "shards"> {
  const base: Partial<Manifest> = { ...manifest };
  delete base.version;
  delete base.shards;
  return base as Omit<Manifest, "version" | "shards">;
}
