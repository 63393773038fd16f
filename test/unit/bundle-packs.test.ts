/**
 * Packs (src/store/pack.ts, makeBundle): small pages of one route shard share
 * a content-addressed blob, the route entry says where each page is, and an
 * edit changes the pack of the page it touches and no other.
 */
import { describe, expect, it } from "vitest";
import { BundleMemo, bundlePageJson, makeBundle, type Bundle, type SitePage } from "../../src/store/bundle.ts";
import { BLOB_PREFIX, PACK_BYTES, PACK_PAGE_MAX, blobKey, shardOf } from "../../src/store/keys.ts";
import { packSlice, packText } from "../../src/store/pack.ts";
import type { Manifest, RouteEntry, RouteShard } from "../../src/store/types.ts";
import { isRouteEntry } from "../../src/store/validate.ts";

const BASE = { builtAt: "2026-11-30T00:00:00.000Z", site: { title: "Packs" }, stylesheet: "/s.css", posts: 0 } as unknown as Omit<Manifest, "version" | "shards">;

/** A site of `n` list pages of about 1 KB each (data objects made afresh), plus what `extra` adds. */
function site(n: number, extra: [string, SitePage][] = []): Map<string, SitePage> {
  const pages = new Map<string, SitePage>();
  for (let i = 0; i < n; i++) {
    pages.set(`/page/${i}/`, { kind: "list", data: { title: `Page ${i} — é ✓ 𝔘`, posts: [], note: "words ".repeat(150 + (i % 7)) } });
  }
  for (const [path, page] of extra) pages.set(path, page);
  return pages;
}

function routes(bundle: Bundle): [string, RouteEntry][] {
  return bundle.shards.flatMap((s) => Object.entries(JSON.parse(s.value) as RouteShard));
}

/** Shard index of each route, from the manifest's shard order. */
function shardIndex(bundle: Bundle): Map<string, number> {
  const out = new Map<string, number>();
  for (const shard of bundle.shards) {
    const index = bundle.manifest.shards.indexOf(shard.key.slice("shard/".length));
    for (const path of Object.keys(JSON.parse(shard.value) as RouteShard)) out.set(path, index);
  }
  return out;
}

describe("makeBundle packs", () => {
  it("puts many small pages in few blobs, the routes of a pack in one shard", async () => {
    const bundle = await makeBundle(site(2000), BASE);
    expect(bundle.pages).toBe(2000);
    expect(bundle.manifest.shards.length).toBeGreaterThan(8);
    // About PACK_BYTES each: 2,000 pages of ~1 KB make a few dozen packs, not 2,000 blobs.
    expect(bundle.blobs.length).toBeLessThan(2000 / 8);
    const shards = shardIndex(bundle);
    const packShards = new Map<string, Set<number>>();
    for (const [path, entry] of routes(bundle)) {
      if (entry.kind === "redirect") continue;
      expect(entry.at, path).toBeDefined();
      expect(shards.get(path)).toBe(shardOf(path, bundle.manifest.shards.length));
      packShards.set(entry.blob, (packShards.get(entry.blob) ?? new Set()).add(shards.get(path)!));
    }
    for (const [pack, owners] of packShards) expect(owners.size, pack).toBe(1);
    for (const b of bundle.blobs) expect(b.value.length).toBeLessThan(PACK_BYTES * 3);
  });

  it("stores each page's JSON exactly, found by slicing its pack (non-ASCII included)", async () => {
    const pages = site(300, [["/feed.xml", { kind: "rss", data: "<rss>\u2028 \"quoted\" ✓</rss>" }]]);
    const bundle = await makeBundle(pages, BASE);
    for (const [path, page] of pages) {
      if (page.kind === "redirect") continue;
      expect(bundlePageJson(bundle, path), path).toBe(JSON.stringify(page.data));
    }
    // A pack is itself a JSON array of its pages.
    for (const b of bundle.blobs) expect(Array.isArray(JSON.parse(b.value))).toBe(true);
  });

  it("keeps a page bigger than PACK_PAGE_MAX alone, as a blob of its own without a slot", async () => {
    const big = { title: "Big", posts: [], note: "x".repeat(PACK_PAGE_MAX + 1) };
    const bundle = await makeBundle(site(50, [["/big/", { kind: "list", data: big }], ["/old/", { kind: "redirect", to: "/big/" }]]), BASE);
    const entry = Object.fromEntries(routes(bundle))["/big/"]!;
    expect(entry.kind === "list" && entry.at).toBeUndefined();
    const blob = bundle.blobs.find((b) => entry.kind !== "redirect" && b.key === blobKey(entry.blob))!;
    expect(blob.value).toBe(JSON.stringify(big));
    expect(bundle.pages).toBe(51);
  });

  it("a page edit rewrites its own pack and shard only; unchanged pages keep their pack keys", async () => {
    const before = await makeBundle(site(2000), BASE);
    const pages = site(2000);
    pages.set("/page/77/", { kind: "list", data: { title: "Page 77, edited", posts: [] } });
    const after = await makeBundle(pages, BASE);
    const keysBefore = new Set(before.blobs.map((b) => b.key));
    expect(after.blobs.filter((b) => !keysBefore.has(b.key))).toHaveLength(1);
    expect(after.shards.filter((s) => !before.shards.some((t) => t.key === s.key))).toHaveLength(1);
    // The same content made again (fresh data objects): the very same keys.
    expect((await makeBundle(site(2000), BASE)).blobs.map((b) => b.key)).toEqual(before.blobs.map((b) => b.key));
  });

  it("with a memo (npm run dev), the bundle a build without one makes", async () => {
    const memo = new BundleMemo();
    const pages = site(500);
    expect(await makeBundle(pages, BASE, undefined, memo)).toEqual(await makeBundle(pages, BASE));
    pages.set("/page/3/", { kind: "list", data: { title: "Three", posts: [] } });
    expect(await makeBundle(pages, BASE, undefined, memo)).toEqual(await makeBundle(pages, BASE));
  });

  it("packs nothing with pageMax 0: the layout of versions published before packs", async () => {
    const bundle = await makeBundle(site(40), BASE, undefined, undefined, { pageMax: 0, bytes: 0 });
    expect(bundle.blobs).toHaveLength(40);
    for (const [, entry] of routes(bundle)) expect(entry.kind !== "redirect" && entry.at).toBeUndefined();
    expect(bundle.blobs.every((b) => b.key.startsWith(BLOB_PREFIX) && b.value.startsWith("{"))).toBe(true);
  });
});

describe("packSlice", () => {
  const { text, at } = packText(['{"a":1}', '"two, with ] and ["', "[3]"]);

  it("returns each page's text", () => {
    expect(text).toBe('[{"a":1},"two, with ] and [",[3]]');
    expect(at.map((slot) => packSlice(text, slot))).toEqual(['{"a":1}', '"two, with ] and ["', "[3]"]);
  });

  it("refuses a slot that does not sit between separators, or a damaged pack", () => {
    expect(packSlice(text, [at[1]![0] + 1, at[1]![1]])).toBeNull(); // shifted
    expect(packSlice(text, [at[1]![0], at[1]![1] - 1])).toBeNull(); // short
    expect(packSlice(text.slice(0, -2), at[0]!)).toBeNull(); // truncated: no closing bracket
    expect(packSlice(text.slice(0, at[2]![0] + 1) + "]", at[2]!)).toBeNull(); // the page itself cut
    expect(packSlice(text, [at[2]![0], at[2]![1] + 5])).toBeNull(); // past the end
    expect(packSlice(`{${text.slice(1)}`, at[0]!)).toBeNull(); // not an array
    expect(packSlice(text, [0, 3])).toBeNull();
  });
});

describe("route entries (validate.ts)", () => {
  it("accept a slot of two positive integers, or none", () => {
    expect(isRouteEntry({ kind: "post", blob: "0123456789abcdef", at: [1, 20] })).toBe(true);
    expect(isRouteEntry({ kind: "post", blob: "0123456789abcdef" })).toBe(true);
    for (const at of [[0, 20], [1, 0], [1], [1, 2, 3], ["1", 2], [1.5, 2], null, "1,2", [-1, 4]]) {
      expect(isRouteEntry({ kind: "post", blob: "0123456789abcdef", at }), JSON.stringify(at)).toBe(false);
    }
  });
});
