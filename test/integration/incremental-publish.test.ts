/**
 * Incremental publishing against real KV (the test runtime's binding): a
 * one-post edit of a 1,000-post site writes a handful of keys, the result is
 * the same stored site a full build makes, reused keys are checked and
 * repaired, and a damaged pointer never stops a publish.
 */
import { describe, expect, inject, it, vi } from "vitest";
import { env } from "cloudflare:test";
import { bindingTarget, publish, readLive } from "../../scripts/lib/publish.ts";
import { LIVE_KEY, blobKey, routeShardKey } from "../../src/store/keys.ts";
import { bundleSitePages, type Bundle } from "../../src/store/bundle.ts";
import type { RouteShard } from "../../src/store/types.ts";
import { get } from "../support/worker.ts";
import { patchedBundle } from "../support/incremental-sites.ts";

// Publishing 1,300 keys a few times per test: slow on a shared machine.
vi.setConfig({ testTimeout: 300_000 });

const sites = inject("incrementalSites");
const target = () => bindingTarget(env.CONTENT);

async function clearKv(): Promise<void> {
  const keys = await target().listKeys("");
  await target().deleteMany([...keys]);
}

/** Every key the live version reaches, with its stored value (what readers can get). */
async function reachable(bundle: Bundle): Promise<Map<string, string | null>> {
  const keys = [...bundle.shards, ...bundle.blobs, ...bundle.versionEntries].map((e) => e.key);
  const values = await target().getMany!(keys);
  return new Map(keys.map((k, i) => [k, values[i]!]));
}

/** The key of the blob (a pack, mostly) that holds the page at `path`. */
function blobOf(bundle: Bundle, path: string): string {
  const shard = JSON.parse(bundle.shards.find((e) => e.key === routeShardKey(bundle.manifest, path))!.value) as RouteShard;
  const entry = shard[path]!;
  if (entry.kind === "redirect") throw new Error(`${path} is a redirect`);
  return blobKey(entry.blob);
}

const expected = (bundle: Bundle) => new Map([...bundle.shards, ...bundle.blobs, ...bundle.versionEntries].map((e) => [e.key, e.value]));

describe("a one-post edit of a 1,000-post site", () => {
  it("writes at most 30 keys, the pointer last, serves the edit, and leaves what a full build makes", async () => {
    await clearKv();
    const first = await publish(target(), sites.base);
    // Everything, the pointer too: 1,300 pages in a few hundred packs, blobs and shards.
    const { base } = sites;
    expect(first.written).toBe(base.blobs.length + base.shards.length + base.versionEntries.length + 1);
    expect(first.written).toBeLessThan(base.pages / 4);
    const report = await publish(target(), sites.bodyEdit);
    expect(report.unchanged).toBe(false);
    expect(report.written).toBeLessThanOrEqual(30);
    expect(report.writtenKeys.at(-1)).toBe(LIVE_KEY);
    // The page of the edited post is among them; the thousand other posts are not.
    expect(report.writtenKeys.filter((k) => k.startsWith("blob/")).length).toBeLessThan(15);
    const html = await (await get(sites.editedPath)).text();
    expect(html).toContain(sites.editedSentence);
    // Feeds carry full content, so they changed too.
    expect(await (await get("/feed.xml")).text()).toContain(sites.editedSentence);

    // Every key the new version reaches holds exactly what the full build of the edited site made.
    expect(await reachable(sites.bodyEdit)).toEqual(expected(sites.bodyEdit));
    const live = await readLive(target());
    expect(live?.version).toBe(sites.bodyEdit.manifest.version);
    expect(live?.shards).toEqual(sites.bodyEdit.manifest.shards);
    expect(live?.previous).toEqual([sites.base.manifest.version]);
  });

  it("a title edit rewrites the pages that show the title, still far from the whole site", async () => {
    await clearKv();
    await publish(target(), sites.base);
    const titleEdit = await patchedBundle(sites.base, sites.titleEdit);
    const report = await publish(target(), titleEdit);
    // The title shows in lists and feeds, and as a related post on the 100 posts sharing both its
    // tags (the generator gives every tenth post the same pair): those pages, their packs and
    // their shards change, and nothing else.
    const showingTitle = [...bundleSitePages(titleEdit)].filter(([, page]) => JSON.stringify(page).includes(", revised")).map(([path]) => path);
    expect(showingTitle.length).toBeGreaterThan(100);
    const packsShowingTitle = new Set(showingTitle.map((path) => blobOf(titleEdit, path)));
    expect(new Set(report.writtenKeys.filter((k) => k.startsWith("blob/")))).toEqual(packsShowingTitle);
    const shardsShowingTitle = new Set(showingTitle.map((path) => routeShardKey(titleEdit.manifest, path)));
    expect(report.writtenKeys.filter((k) => k.startsWith("shard/")).length).toBe(shardsShowingTitle.size);
    expect(await (await get("/blog/")).text()).toContain(", revised");
  });
});

describe("a one-post edit saved on disk, built as `npm run build` does", () => {
  const { disk } = sites;

  it("reads only the edited file, renders only that post, and publishes exactly what a full build of the folder makes", async () => {
    expect(disk.postsRead).toBe(1);
    expect(disk.rendered).toBe(1);
    await clearKv();
    await publish(target(), disk.base);
    const report = await publish(target(), disk.edit);
    expect(report.written).toBeLessThanOrEqual(30);
    expect(disk.edit.manifest.version).toBe(disk.full.manifest.version);
    expect(await reachable(disk.edit)).toEqual(expected(disk.full));
    expect(await (await get(sites.editedPath)).text()).toContain(sites.editedSentence);
  });

  it("built by a dev session (stamps, build cache and site pages kept from its last build), it is the same full build", async () => {
    expect(disk.session.manifest.version).toBe(disk.full.manifest.version);
    await clearKv();
    await publish(target(), disk.base);
    const report = await publish(target(), disk.session);
    expect(report.written).toBeLessThanOrEqual(30);
    expect(await reachable(disk.session)).toEqual(expected(disk.full));
  });
});

describe("what a publish reuses is checked", () => {
  const { base, bodyEdit, editedPath } = sites.small;

  it("a damaged page blob is rewritten by the next build of the same content", async () => {
    await clearKv();
    await publish(target(), bodyEdit);
    const victim = bodyEdit.blobs.find((b) => b.key === blobOf(bodyEdit, editedPath))!;
    await env.CONTENT.put(victim.key, victim.value.slice(0, 100)); // truncated
    const report = await publish(target(), bodyEdit);
    expect(report.unchanged).toBe(false);
    expect(report.repaired).toEqual([victim.key]);
    expect(report.writtenKeys).toEqual([victim.key, LIVE_KEY]);
    expect(await env.CONTENT.get(victim.key)).toBe(victim.value);
    expect(await (await get(editedPath)).text()).toContain(sites.editedSentence);
    // And now it is intact: nothing to write.
    expect((await publish(target(), bodyEdit)).unchanged).toBe(true);
  });

  it("a publish of new content checks a sample of what it reuses and repairs what the sample finds", async () => {
    await clearKv();
    await publish(target(), base);
    const kept = new Set(bodyEdit.blobs.map((b) => b.key));
    const victim = base.blobs.find((b) => kept.has(b.key))!;
    await env.CONTENT.put(victim.key, "{}");
    // A sample as large as the site: the damaged shard is in it.
    const report = await publish(target(), bodyEdit, { sampleSize: 10_000, sampleBytes: Infinity });
    expect(report.repaired).toEqual([victim.key]);
    expect(await env.CONTENT.get(victim.key)).toBe(victim.value);
  });

  it("the sample is bounded by the size of its values too, and checks at least one key", async () => {
    await clearKv();
    await publish(target(), base);
    const reused = bodyEdit.blobs.filter((b) => base.blobs.some((o) => o.key === b.key)).length + bodyEdit.shards.filter((sh) => base.shards.some((o) => o.key === sh.key)).length;
    expect(reused).toBeGreaterThan(2);
    expect((await publish(target(), bodyEdit, { sampleSize: 10_000, sampleBytes: 1 })).verified).toBe(1);
    await clearKv();
    await publish(target(), base);
    expect((await publish(target(), bodyEdit, { sampleSize: 10_000, sampleBytes: Infinity })).verified).toBe(reused);
  });

  it("a deleted blob is found by listing, whatever the sample", async () => {
    await clearKv();
    await publish(target(), base);
    const victim = base.blobs[10]!;
    await env.CONTENT.delete(victim.key);
    const report = await publish(target(), bodyEdit, { sampleSize: 0 });
    expect(report.writtenKeys).toContain(victim.key);
    expect(await env.CONTENT.get(victim.key)).toBe(victim.value);
  });
});

describe("a damaged pointer", () => {
  const { base, bodyEdit, editedPath } = sites.small;

  for (const [name, value] of [["garbled", "{\"version\": \"abc\", \"shar"], ["not a manifest", "[1,2,3]"], ["missing its site", JSON.stringify({ version: "x", shards: [] })]] as const) {
    it(`${name}: the next publish succeeds and recovers the history`, async () => {
      await clearKv();
      await publish(target(), base);
      await env.CONTENT.put(LIVE_KEY, value);
      const report = await publish(target(), bodyEdit);
      expect(report.pointer).toBe("garbled");
      const live = await readLive(target());
      expect(live?.version).toBe(bodyEdit.manifest.version);
      expect(live?.previous).toEqual([base.manifest.version]);
      expect((await get(editedPath)).status).toBe(200);
    });
  }

  it("garbled over the very content it names: only the pointer is rewritten, the site served again", async () => {
    await clearKv();
    await publish(target(), base);
    await env.CONTENT.put(LIVE_KEY, "\u0000\u0001 not json");
    const report = await publish(target(), base);
    expect(report.unchanged).toBe(false);
    expect(report.writtenKeys).toEqual([LIVE_KEY]);
    expect((await readLive(target()))?.version).toBe(base.manifest.version);
    expect((await get("/")).status).toBe(200);
  });

  it("missing: the publish succeeds", async () => {
    await clearKv();
    await publish(target(), base);
    await env.CONTENT.delete(LIVE_KEY);
    const report = await publish(target(), bodyEdit);
    expect(report.pointer).toBe("missing");
    expect((await readLive(target()))?.previous).toEqual([base.manifest.version]);
  });
});
