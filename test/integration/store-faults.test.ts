/**
 * A store fault never takes the site down (issue 8 §5, read side). Each test
 * publishes two real versions (the basic site, then the republished one) and
 * damages keys through the KV binding, as a bad manual edit, a half-finished
 * cleanup or an interrupted publish would. Readers get a cached copy, or the
 * page from the newest kept earlier version, or a 503 with Retry-After:
 * never a 500, a stack trace or "undefined", and nothing degraded is cached.
 */
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { builtSite, get, kvReads } from "../support/worker.ts";
import { bindingTarget, publish } from "../../scripts/lib/publish.ts";
import { DEFAULT_PACKING, bundleSitePages, makeBundle, type Bundle } from "../../src/store/bundle.ts";
import { LIVE_KEY, blobKey, routeShardKey } from "../../src/store/keys.ts";
import type { RouteShard } from "../../src/store/types.ts";

const POST = "/blog/2024/first-post/";

/**
 * Packs of a few hundred bytes: the sites here (8 to 32 KB of pages) would fit
 * one pack of the default size, and these tests damage one pack while others stay sound.
 */
const SMALL_PACKS = { ...DEFAULT_PACKING, bytes: 256 };

/** `bundle` as a distinct version (its own site title), so tests share no versions or cached pages. */
async function retitled(bundle: Bundle, title: string): Promise<Bundle> {
  const { builtAt, site, stylesheet, posts } = bundle.manifest;
  return makeBundle(bundleSitePages(bundle), { builtAt, site: { ...site, title }, stylesheet, posts }, undefined, undefined, SMALL_PACKS);
}

/** Publish "A <name>" (basic) then "B <name>" (republished): B is live, A kept. */
async function twoVersions(name: string): Promise<{ a: Bundle; b: Bundle }> {
  const a = await retitled(builtSite("basic"), `A ${name}`);
  const b = await retitled(builtSite("republished"), `B ${name}`);
  // Start from a sound store (the previous test may have damaged the pointer).
  await env.CONTENT.delete(LIVE_KEY);
  await publish(bindingTarget(env.CONTENT), a);
  await publish(bindingTarget(env.CONTENT), b);
  return { a, b };
}

/** The blob key `bundle` stores `path` under (its pack's, for a packed page). */
function blobOf(bundle: Bundle, path: string): string {
  const key = routeShardKey(bundle.manifest, path);
  const shard = JSON.parse(bundle.shards.find((e) => e.key === key)!.value) as RouteShard;
  const entry = shard[path]!;
  if (entry.kind === "redirect") throw new Error(`${path} is a redirect`);
  return blobKey(entry.blob);
}

async function expectUnavailable(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(503);
  expect(res.headers.get("retry-after"), what).toMatch(/^\d+$/);
  expect(res.headers.get("cache-control"), what).toBe("no-store");
  expect(res.headers.get("etag"), what).toBeNull();
  const page = await res.text();
  expect(page, what).toContain("Temporarily unavailable");
  expect(page, what).not.toMatch(/undefined|StoreFault|SyntaxError|\bat \S+ \(|\.ts:\d+|blob\//);
}

async function expectNotCached(res: Response, what: string): Promise<void> {
  expect(res.headers.get("cache-control"), what).toBe("no-store");
  expect(res.headers.get("etag"), what).toBeNull();
}

describe("a damaged page blob or pack", () => {
  it("deleted: the page comes from the newest kept version that has it, uncached", async () => {
    const { b } = await twoVersions("deleted");
    // Packed (a slot in a JSON array), and not with the home page.
    expect(b.blobs.find((e) => e.key === blobOf(b, POST))!.value).toMatch(/^\[\{"post":/);
    expect(blobOf(b, "/")).not.toBe(blobOf(b, POST));
    await env.CONTENT.delete(blobOf(b, POST));
    for (let i = 0; i < 2; i++) {
      const res = await get(POST);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain("The oldest post.");
      // Frame and page from the same (earlier) version.
      expect(page).toContain("<title>First post | A deleted</title>");
      await expectNotCached(res, `request ${i}`);
      expect(res.headers.get("x-edgefolio-cache")).not.toBe("hit");
    }
    // The rest of the live version is untouched: three reads.
    const home = await get("/");
    expect(await home.text()).toContain("B deleted");
    expect(kvReads(home)).toBe(3);
  });

  it("truncated: the same", async () => {
    const { b } = await twoVersions("truncated");
    const key = blobOf(b, POST);
    const whole = b.blobs.find((e) => e.key === key)!.value;
    await env.CONTENT.put(key, whole.slice(0, whole.length >> 1));
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("The oldest post.");
    await expectNotCached(res, "truncated");
  });

  it("another pack's text at the key (the slots no longer line up): the same", async () => {
    const { a, b } = await twoVersions("moved");
    const other = a.blobs.find((e) => e.key !== blobOf(b, POST) && e.value.startsWith("["))!;
    await env.CONTENT.put(blobOf(b, POST), other.value);
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("The oldest post.");
    await expectNotCached(res, "moved");
  });

  it("valid JSON of the wrong shape is a fault too, not a page of undefined", async () => {
    const { b } = await twoVersions("shape");
    await env.CONTENT.put(blobOf(b, POST), JSON.stringify({ post: { meta: {} } }));
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("The oldest post.");
  });

  it("missing from every kept version: 503, and the error is not cached", async () => {
    const { a, b } = await twoVersions("everywhere");
    const saved = [...a.blobs, ...b.blobs].filter((e) => e.key === blobOf(a, POST) || e.key === blobOf(b, POST));
    await Promise.all(saved.map((e) => env.CONTENT.delete(e.key)));
    await expectUnavailable(await get(POST), "no version has it");
    await env.CONTENT.put(saved[0]!.key, saved[0]!.value);
    await env.CONTENT.put(saved[1]!.key, saved[1]!.value);
    const repaired = await get(POST);
    expect(repaired.status).toBe(200);
    expect(await repaired.text()).toContain("The revised body.");
  });

  it("a cached copy of the live version is served without touching the damage", async () => {
    const { b } = await twoVersions("cached");
    expect((await get(POST)).headers.get("x-edgefolio-cache")).toBe("miss");
    await env.CONTENT.delete(blobOf(b, POST));
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-edgefolio-cache")).toBe("hit");
    expect(await res.text()).toContain("The revised body.");
  });
});

describe("damaged route shards", () => {
  it("a missing shard: pages come from the earlier version", async () => {
    const { a, b } = await twoVersions("shard");
    // Shards are content-addressed: the two versions share none here (their routes differ).
    expect(b.shards.some((s) => a.shards.some((t) => t.key === s.key))).toBe(false);
    await Promise.all(b.shards.map((e) => env.CONTENT.delete(e.key)));
    for (const [path, text] of [[POST, "The oldest post."], ["/", "A shard"], ["/blog/2024/second-post/", "Second post"]] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(text);
    }
  });

  it("a garbled shard: the same", async () => {
    const { b } = await twoVersions("garbled-shard");
    const key = routeShardKey(b.manifest, POST)!;
    await env.CONTENT.put(key, "{\"/blog/2024/first-post/\": {\"kind\": \"po");
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("The oldest post.");
  });
});

describe("a damaged pointer", () => {
  it("pointing at a version whose keys are missing: the kept version answers", async () => {
    const { a, b } = await twoVersions("ghost");
    // The pointer names its route shards by hash: a ghost version's shards are absent.
    const ghost = { ...b.manifest, version: "0123456789abcdef", shards: b.manifest.shards.map(() => "0123456789abcdef0123") };
    await env.CONTENT.put(LIVE_KEY, JSON.stringify({ ...ghost, previous: [a.manifest.version] }));
    const res = await get("/blog/2024/second-post/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Second post");
    // And with no kept version: 503, not a 404 on every page.
    await env.CONTENT.put(LIVE_KEY, JSON.stringify({ ...ghost, previous: [] }));
    // (A page never requested: a cached copy would rightly be served instead.)
    await expectUnavailable(await get("/blog/2024/third-post/"), "ghost version, nothing kept");
  });

  for (const [what, damage] of [
    ["garbled", () => "{\"version\": \"ab"],
    ["without its site", (live: Record<string, unknown>) => JSON.stringify({ ...live, site: undefined })],
    ["of the wrong type", () => "[1, 2, 3]"],
  ] as const) {
    it(`${what}: cached pages are still served, the others are a 503`, async () => {
      await twoVersions(`pointer ${what}`);
      const visited = await get(POST);
      expect(visited.headers.get("x-edgefolio-cache")).toBe("miss");
      const live = JSON.parse((await env.CONTENT.get(LIVE_KEY))!) as Record<string, unknown>;
      await env.CONTENT.put(LIVE_KEY, damage(live));

      const stale = await get(POST);
      expect(stale.status).toBe(200);
      expect(stale.headers.get("x-edgefolio-cache")).toBe("stale");
      expect(await stale.text()).toContain("The revised body.");
      await expectNotCached(stale, "stale copy");

      await expectUnavailable(await get("/blog/2024/unvisited/"), `${what}: unvisited page`);
      const notFound = await get("/no/such/page/");
      expect(notFound.status).not.toBe(500);
      expect(await notFound.text()).not.toMatch(/undefined|\.ts:\d+/);
    });
  }
});

// Last: the version it publishes stays stored, and a pointer rebuilt from stored manifests would find it.
describe("an earlier version from before packs", () => {
  it("answers for a damaged pack of the live version (a blob per page, no slots)", async () => {
    const { builtAt, site, stylesheet, posts } = builtSite("basic").manifest;
    const old = await makeBundle(bundleSitePages(builtSite("basic")), { builtAt, site: { ...site, title: "A unpacked" }, stylesheet, posts }, undefined, undefined, { pageMax: 0, bytes: 0 });
    const b = await retitled(builtSite("republished"), "B unpacked");
    await env.CONTENT.delete(LIVE_KEY);
    await publish(bindingTarget(env.CONTENT), old);
    await publish(bindingTarget(env.CONTENT), b);
    expect(JSON.parse(old.blobs.find((e) => e.key === blobOf(old, POST))!.value)).toHaveProperty("post");
    await env.CONTENT.delete(blobOf(b, POST));
    const res = await get(POST);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("The oldest post.");
    expect(page).toContain("<title>First post | A unpacked</title>");
  });
});
