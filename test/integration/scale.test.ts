/**
 * Request cost does not grow with the site: on generated sites of 10 and
 * 10,000 posts (built by the real build in global setup), every page and
 * document reads the same number of KV keys, and no stored page or document
 * is big enough to make one request's bytes grow with the site.
 */
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { get, kvReads, publishSite } from "../support/worker.ts";
import { GENERATED_SIZES, SCALE_PATHS, generatedSiteName } from "../support/generated-site-paths.ts";
import { listedPosts } from "../support/page-parts.ts";
import { parseXml, text, type XmlNode } from "../support/xml.ts";

async function readsPerPath(posts: number): Promise<Map<string, { status: number; reads: number }>> {
  await publishSite(generatedSiteName(posts));
  const out = new Map<string, { status: number; reads: number }>();
  for (const path of SCALE_PATHS) {
    const res = await get(path);
    await res.arrayBuffer();
    out.set(path, { status: res.status, reads: kvReads(res) });
  }
  return out;
}

describe("a 10,000-post site", () => {
  it("was really generated and built", () => {
    const stats = inject("generatedSites")[generatedSiteName(10_000)]!.stats;
    expect(stats.posts).toBe(10_000);
    expect(stats.routes).toBeGreaterThan(10_000);
  });

  it("reads as many KV keys per request as a 10-post site: three (pointer, route shard, page)", async () => {
    const bySize = new Map<number, Map<string, { status: number; reads: number }>>();
    // One site after the other in this file's KV; each publish is a new version, so no cached page carries over.
    for (const posts of GENERATED_SIZES) bySize.set(posts, await readsPerPath(posts));
    for (const path of SCALE_PATHS) {
      const few = bySize.get(10)!.get(path)!;
      const many = bySize.get(10_000)!.get(path)!;
      expect(few.status, path).toBe(200);
      expect(many.status, path).toBe(200);
      expect(many.reads, path).toBe(few.reads);
      expect(many.reads, path).toBe(3);
    }
  });

  it("stores no page or document over 300 KB, so a request's bytes stay bounded too", () => {
    // Lists are paginated, feeds hold feed_items posts, the sitemap is split into parts of 2,000 URLs.
    const stats = inject("generatedSites")[generatedSiteName(10_000)]!.stats;
    expect(stats.largestBlobBytes).toBeLessThan(300_000);
  });

  it("pages to the far end of its lists, and no further", async () => {
    await publishSite(generatedSiteName(10_000));
    const last = await get("/blog/page/2000/");
    expect(last.status).toBe(200);
    const html = await last.text();
    expect(listedPosts(html)).toEqual(["/blog/2000/post-4/", "/blog/2000/post-3/", "/blog/2000/post-2/", "/blog/2000/post-1/", "/blog/2000/post-0/"]);
    expect(html).not.toContain('rel="next"');
    expect(kvReads(last)).toBe(3);
    expect((await get("/blog/page/2001/")).status).toBe(404);
    // 2,000 posts tagged ml, 50 to an archive page.
    const tagEnd = await get("/blog/tag/ml/page/40/");
    expect(listedPosts(await tagEnd.text())).toHaveLength(50);
    expect((await get("/blog/tag/ml/page/41/")).status).toBe(404);
  });

  it("splits its sitemap into parts listed by /sitemap.xml", async () => {
    await publishSite(generatedSiteName(10_000));
    const { sitemapindex } = parseXml(await (await get("/sitemap.xml")).text());
    const parts = sitemapindex.sitemap.map((s: XmlNode) => text(s.loc));
    const routes = inject("generatedSites")[generatedSiteName(10_000)]!.stats.routes;
    expect(parts[0]).toBe("https://bench.example.org/sitemaps/1.xml");
    expect(parts.length).toBeGreaterThan(5);
    const first = parseXml(await (await get("/sitemaps/1.xml")).text());
    expect(first.urlset.url).toHaveLength(2000);
    const lastPart = parseXml(await (await get(`/sitemaps/${parts.length}.xml`)).text());
    // Every route but redirects and documents is in some part.
    expect(2000 * (parts.length - 1) + lastPart.urlset.url.length).toBeLessThan(routes);
    expect(text(first.urlset.url[0].lastmod)).toMatch(/^\d{4}-/);
  });
});
