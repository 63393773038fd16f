/** Edge caching and publishing, as readers and authors see them. */
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { builtSite, get, kvReads, publishSite } from "../support/worker.ts";
import { bindingTarget, publish, rollback, type KvTarget } from "../../scripts/lib/publish.ts";

const POST = "/blog/2024/first-post/";

beforeEach(async () => {
  await publishSite("basic");
});

describe("ETag and conditional requests", () => {
  it("pages carry a strong ETag and cache headers for browsers and the edge", async () => {
    const res = await get("/blog/");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{8}"$/);
    const cc = res.headers.get("cache-control") ?? "";
    expect(cc).toMatch(/\bpublic\b/);
    expect(cc).toMatch(/\bmax-age=\d+/);
    expect(cc).toMatch(/\bs-maxage=\d+/);
    expect(cc).toMatch(/\bstale-while-revalidate=\d+/);
  });

  it("If-None-Match with the current ETag gets 304 without a body or a render", async () => {
    const etag = (await get(POST)).headers.get("etag")!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await get(POST, { headers: { "If-None-Match": header } });
      expect(res.status, header).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("etag")).toBe(etag);
      expect(kvReads(res)).toBe(1);
    }
    expect((await get(POST, { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);
  });

  it("ETags differ between pages", async () => {
    const a = (await get(POST)).headers.get("etag");
    const b = (await get("/blog/2024/second-post/")).headers.get("etag");
    expect(a).not.toBe(b);
  });

  it("HEAD answers with the headers of GET and no body", async () => {
    const res = await get(POST, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe((await get(POST)).headers.get("etag"));
    expect(await res.text()).toBe("");
  });
});

describe("the page cache", () => {
  it("renders once, then serves from the cache with one KV read", async () => {
    const path = "/blog/tag/ml/";
    const first = await get(path);
    expect(first.headers.get("x-edgefolio-cache")).toBe("miss");
    expect(kvReads(first)).toBe(3);
    const body = await first.text();
    const second = await get(path);
    expect(second.headers.get("x-edgefolio-cache")).toBe("hit");
    expect(kvReads(second)).toBe(1);
    expect(await second.text()).toBe(body);
  });

  it("query strings that do not change the page do not make new cache entries", async () => {
    const path = "/blog/category/notes/";
    await get(path);
    for (const q of ["?utm_source=news&utm_medium=email", "?_=1732870000", "?fbclid=abc"]) {
      const res = await get(path + q);
      expect(res.headers.get("x-edgefolio-cache"), q).toBe("hit");
    }
  });

  it("a poisoning attempt does not reach the page or what the next reader gets", async () => {
    const path = "/blog/2024/second-post/";
    const attack = await get(path, {
      headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", Cookie: "session=evil", Authorization: "Bearer evil", "X-Original-URL": "/evil/" },
    });
    expect(attack.status).toBe(200);
    expect(await attack.text()).not.toContain("evil");
    const clean = await get(path);
    const html = await clean.text();
    expect(html).not.toContain("evil");
    expect(html).toContain('<link rel="canonical" href="https://lab.example.org/blog/2024/second-post/">');
    expect(clean.headers.get("vary")).toBeNull();
    expect(clean.headers.get("set-cookie")).toBeNull();
  });

  it("error pages are not cached", async () => {
    const res = await get("/blog/2024/missing/");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });
});

describe("publishing", () => {
  it("a new publish is served at once: new content, new ETag, no purge", async () => {
    const before = await get(POST);
    const oldEtag = before.headers.get("etag")!;
    expect(await before.text()).toContain("The oldest post.");
    await publishSite("republished");
    const after = await get(POST, { headers: { "If-None-Match": oldEtag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(oldEtag);
    const html = await after.text();
    // Frame and body come from the same version.
    expect(html).toContain("First post, revised");
    expect(html).toContain("Fixture Lab Republished");
    expect(html).not.toContain("The oldest post.");
  });

  it("a publish that fails halfway leaves the previous version live", async () => {
    const good = await (await get(POST)).text();
    const real = bindingTarget(env.CONTENT);
    // The connection drops after the content is written, before the pointer moves
    // (pages and shards already stored are not written again, so this is the one write left).
    const failing: KvTarget = {
      ...real,
      async putMany(entries) {
        if (entries.some((e) => e.key === "live")) throw new Error("network went away");
        return real.putMany(entries);
      },
    };
    await expect(publish(failing, builtSite("republished"))).rejects.toThrow("network went away");
    const res = await get(POST);
    expect(await res.text()).toBe(good);
    expect((await get("/")).status).toBe(200);
  });

  it("rollback makes the previous version live again", async () => {
    await publishSite("republished");
    expect(await (await get(POST)).text()).toContain("First post, revised");
    await rollback(bindingTarget(env.CONTENT));
    expect(await (await get(POST)).text()).toContain("The oldest post.");
  });
});
