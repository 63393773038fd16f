/** A site migrated with its own Jekyll `permalink:` keeps every post URL: pages, lists, feeds, sitemap, related posts, routing. */
import { beforeAll, describe, expect, it } from "vitest";
import { get, kvReads, publishSite } from "../support/worker.ts";
import { listedPosts } from "../support/page-parts.ts";
import { parseXml, text } from "../support/xml.ts";
import { section } from "../support/html.ts";

const FIRST = "/notes/2024/03/05/first-note.html";
const SECOND = "/2024/03/09/Uncategorised.html";

describe("permalink: /:categories/:year/:month/:day/:title:output_ext", () => {
  beforeAll(async () => {
    await publishSite("permalink");
  });

  it("serves each post at its Jekyll address, in three KV reads", async () => {
    for (const path of [FIRST, SECOND]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(kvReads(res)).toBe(3);
      const html = await res.text();
      expect(html).toContain(`<link rel="canonical" href="https://migrated.example.org${path}">`);
    }
  });

  it("answers a post's redirect at its address", async () => {
    const res = await get("/notes/2024/03/10/moved.html");
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(FIRST);
  });

  it("404s the default addresses and paths the pattern cannot give, the latter after the pointer alone", async () => {
    expect((await get("/blog/2024/first-note/")).status).toBe(404);
    expect((await get("/notes/2024/03/05/other-note.html")).status).toBe(404);
    const junk = await get("/no/such/page.txt");
    expect(junk.status).toBe(404);
    expect(kvReads(junk)).toBe(1);
  });

  it("lists, feeds, sitemap and related posts link to the same addresses", async () => {
    // The moved post is listed under its redirect's target, as before.
    expect(listedPosts(await (await get("/blog/")).text())).toEqual([FIRST, SECOND, FIRST]);
    const { rss } = parseXml(await (await get("/feed.xml")).text());
    expect(rss.channel.item.map((i: { link: string[] }) => text(i.link[0]))).toEqual([`https://migrated.example.org${SECOND}`, `https://migrated.example.org${FIRST}`]);
    const { urlset } = parseXml(await (await get("/sitemap.xml")).text());
    const locs = urlset.url.map((u: { loc: string }) => text(u.loc));
    expect(locs).toContain(`https://migrated.example.org${FIRST}`);
    expect(locs).toContain(`https://migrated.example.org${SECOND}`);
    const second = await (await get(SECOND)).text();
    expect(second).toContain(`<a href="${FIRST}">the first note</a>`); // {% post_url %}
    expect(section(second, '<aside class="related-posts"', "</aside>")).toContain(`href="${FIRST}"`);
  });
});
