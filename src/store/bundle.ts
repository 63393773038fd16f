/**
 * Turn a site's routes into the KV entries of one version (see keys.ts).
 * Pure and runtime-neutral (WebCrypto), so the build and the tests use it alike.
 */
import { blobKey, blobListKey, manifestKey, shardCount, shardKey, shardOf } from "./keys.ts";
import type { Manifest, RouteEntry, RouteKind, RouteShard } from "./types.ts";

export interface KvEntry {
  key: string;
  value: string;
}

/** A page of the site before it is stored: its kind and the data its view needs. */
export type SitePage = { kind: RouteKind; data: unknown } | { kind: "redirect"; to: string };

export interface Bundle {
  manifest: Manifest;
  /** Content-addressed blobs: may already exist in KV from earlier versions. */
  blobs: KvEntry[];
  /** Keys of this version only: route shards and the manifest. */
  versionEntries: KvEntry[];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function makeBundle(
  pages: ReadonlyMap<string, SitePage>,
  base: Omit<Manifest, "version" | "shards">,
): Promise<Bundle> {
  const blobs = new Map<string, string>();
  const routes: [string, RouteEntry][] = [];
  for (const [path, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (page.kind === "redirect") {
      routes.push([path, { kind: "redirect", to: page.to }]);
      continue;
    }
    const json = JSON.stringify(page.data);
    const hash = (await sha256Hex(json)).slice(0, 32);
    blobs.set(hash, json);
    routes.push([path, { kind: page.kind, blob: hash }]);
  }

  const shards = shardCount(routes.length);
  const tables: RouteShard[] = Array.from({ length: shards }, () => ({}));
  for (const [path, entry] of routes) tables[shardOf(path, shards)]![path] = entry;

  // The version is a hash of everything a reader can see, minus the build time,
  // so rebuilding unchanged content is recognised as "already live".
  const { builtAt, ...stable } = base;
  const version = (await sha256Hex(JSON.stringify([stable, routes]))).slice(0, 16);
  const manifest: Manifest = { ...base, builtAt, version, shards };

  return {
    manifest,
    blobs: [...blobs].map(([hash, value]) => ({ key: blobKey(hash), value })),
    versionEntries: [
      ...tables.map((table, i) => ({ key: shardKey(version, i), value: JSON.stringify(table) })),
      { key: blobListKey(version), value: JSON.stringify([...blobs.keys()]) },
      { key: manifestKey(version), value: JSON.stringify(manifest) },
    ],
  };
}
