/** The edges: a site with no posts and a site with one post, through pages, feeds and sitemap. */
import { describe, expect, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { listedPosts } from "../support/page-parts.ts";
import { parseXml, text } from "../support/xml.ts";

describe("a site with no posts", () => {
  it("has a home page, one blog page and no archives", async () => {
    await publishSite("empty");
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("No posts yet.");
    const blog = await (await get("/blog/")).text();
    expect(blog).toContain("No posts yet.");
    expect(blog).not.toContain('class="pager"');
    expect((await get("/blog/page/2/")).status).toBe(404);
  });

  it("has valid, empty feeds", async () => {
    await publishSite("empty");
    const { rss } = parseXml(await (await get("/feed.xml")).text());
    expect(text(rss.channel.title)).toBe("Empty Lab");
    expect(rss.channel.item).toBeUndefined();
    const { feed } = parseXml(await (await get("/atom.xml")).text());
    expect(text(feed.id)).toBe("https://empty.example.org/atom.xml");
    expect(text(feed.updated)).toBe("1970-01-01T00:00:00Z");
    expect(feed.entry).toBeUndefined();
    const json = await (await get("/feed.json")).json<{ version: string; items: unknown[] }>();
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items).toEqual([]);
  });

  it("has a sitemap of the home and blog pages", async () => {
    await publishSite("empty");
    const { urlset } = parseXml(await (await get("/sitemap.xml")).text());
    expect(urlset.url.map((u: { loc: string }) => text(u.loc))).toEqual(["https://empty.example.org/", "https://empty.example.org/blog/"]);
  });
});

describe("a site with one post", () => {
  it("lists it without a pager, and 404s the page after", async () => {
    await publishSite("one-post");
    const blog = await (await get("/blog/")).text();
    expect(listedPosts(blog)).toEqual(["/blog/2024/only/"]);
    expect(blog).not.toContain('class="pager"');
    expect((await get("/blog/page/2/")).status).toBe(404);
    expect(listedPosts(await (await get("/blog/tag/lonely/")).text())).toEqual(["/blog/2024/only/"]);
  });

  it("shows no related posts and no neighbours", async () => {
    await publishSite("one-post");
    const html = await (await get("/blog/2024/only/")).text();
    expect(html).not.toContain("related-posts");
    expect(html).not.toMatch(/rel="(prev|next)"/);
  });

  it("has the post in every feed", async () => {
    await publishSite("one-post");
    const { rss } = parseXml(await (await get("/feed.xml")).text());
    expect(rss.channel.item.map((i: { title: string }) => text(i.title))).toEqual(["The only post"]);
    const json = await (await get("/blog/tag/lonely/feed.json")).json<{ items: { url: string }[] }>();
    expect(json.items.map((i) => i.url)).toEqual(["https://solo.example.org/blog/2024/only/"]);
  });
});
