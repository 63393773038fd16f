/**
 * What a feed reader sees: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the real
 * worker, parsed by a strict XML parser, on a site whose titles and bodies
 * are hostile to XML (`&`, `<`, `]]>`, control characters).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { get, kvReads, publishSite } from "../support/worker.ts";
import { parseXml, text, type XmlNode } from "../support/xml.ts";

const ORIGIN = "https://feeds.example.org";
const HOSTILE_TITLE = "Ampersands & <angles> ]]> and a bell here";

beforeAll(async () => {
  await publishSite("feeds");
});

async function fetchXml(path: string, type: string): Promise<XmlNode> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
  // Three keys on a miss (pointer, shard, blob); one on an edge-cache hit.
  expect(kvReads(res)).toBeLessThanOrEqual(3);
  return parseXml(await res.text());
}

async function fetchJson(path: string): Promise<XmlNode> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
  return res.json();
}

describe("/feed.xml (RSS 2.0)", () => {
  it("is a well-formed RSS 2.0 channel with a self link, newest items first, limited to feed_items", async () => {
    const { rss } = await fetchXml("/feed.xml", "application/rss+xml");
    expect(rss["@version"]).toBe("2.0");
    const channel = rss.channel;
    expect(text(channel.title)).toBe("Feeds & <Friends>");
    expect(text(channel.link[0])).toBe(`${ORIGIN}/`);
    expect(text(channel.description)).toBe("A site whose content is hostile to XML.");
    expect(channel["atom:link"]).toMatchObject({ "@rel": "self", "@href": `${ORIGIN}/feed.xml`, "@type": "application/rss+xml" });
    // feed_items: 5 of the 6 listed posts; drafts and future posts never appear.
    expect(channel.item.map((i: XmlNode) => text(i.link[0]))).toEqual([
      `${ORIGIN}/blog/2025/newest/`, `${ORIGIN}/blog/2024/no-related/`, `${ORIGIN}/blog/2024/unrelated/`,
      `${ORIGIN}/blog/2024/figure/`, `${ORIGIN}/blog/2024/hostile/`,
    ]);
  });

  it("gives each item a permalink guid, an RFC 822 pubDate, categories, an author and the full content", async () => {
    const { rss } = await fetchXml("/feed.xml", "application/rss+xml");
    const item = rss.channel.item[0];
    expect(item.guid).toMatchObject({ "@isPermaLink": "true", "#text": `${ORIGIN}/blog/2025/newest/` });
    expect(text(item.pubDate)).toBe("Wed, 01 Jan 2025 10:00:00 GMT");
    expect(item.category.map(text)).toEqual(["machine learning", "reviews"]);
    expect(item["dc:creator"].map(text)).toEqual(["Feed Author"]);
    expect(text(item.description)).toBe("The newest post.");
    expect(text(item["content:encoded"])).toBe("<p>Newest body.</p>\n");
  });

  it("carries XML-hostile titles and bodies as text, without characters XML 1.0 forbids", async () => {
    const res = await get("/feed.xml");
    const raw = await res.text();
    expect(raw).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const hostile = parseXml(raw).rss.channel.item.find((i: XmlNode) => text(i.link[0]).endsWith("/hostile/"));
    expect(text(hostile.title)).toBe(HOSTILE_TITLE);
    expect(text(hostile.description)).toBe("Summary with & and < and ]]>");
    const body = text(hostile["content:encoded"]);
    // Exactly the HTML the post page shows: a reader decodes XML once and gets HTML, entities intact.
    expect(body).toContain("<p>Body with a literal ]]&gt; sequence, an ampersand &amp; and a <span>span</span>.</p>");
    expect(body).toContain("<p>Raw CDATA end ]]&gt; and controlcharhere.</p>");
    expect(body).toContain("<p>Escaped markup stays text: &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>");
  });

  it("carries the same body HTML as the post page", async () => {
    const page = await (await get("/blog/2024/hostile/")).text();
    const { rss } = await fetchXml("/feed.xml", "application/rss+xml");
    const body = text(rss.channel.item.find((i: XmlNode) => text(i.link[0]).endsWith("/hostile/"))["content:encoded"]);
    // Up to the paragraph with control characters, which only the feed drops.
    const firstParagraphs = body.slice(0, body.indexOf("<p>Raw CDATA"));
    expect(firstParagraphs.length).toBeGreaterThan(80);
    expect(page).toContain(firstParagraphs);
  });

  it("makes site-relative links in content absolute, from site.yml's url and never the request's Host", async () => {
    const res = await get("/feed.xml", { headers: { Host: "evil.example" } });
    const raw = await res.text();
    expect(raw).not.toContain("evil.example");
    expect(raw).not.toContain("blog.example");
    const hostile = parseXml(raw).rss.channel.item.find((i: XmlNode) => text(i.link[0]).endsWith("/hostile/"));
    const body = text(hostile["content:encoded"]);
    expect(body).toContain(`<a href="${ORIGIN}/blog/2024/oldest/">another post</a>`);
    // Absolute, and still the Markdown image's (its loading hints after the alt).
    expect(body).toContain(`<img src="${ORIGIN}/assets/img/dot.png" alt="dot" `);
  });
});

describe("/atom.xml (Atom 1.0, RFC 4287)", () => {
  it("has the feed metadata RFC 4287 requires", async () => {
    const { feed } = await fetchXml("/atom.xml", "application/atom+xml");
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed.id)).toBe(`${ORIGIN}/atom.xml`);
    expect(text(feed.title)).toBe("Feeds & <Friends>");
    // The newest change among its entries (the newest post's last_modified_at).
    expect(text(feed.updated)).toBe("2025-02-01T00:00:00+00:00");
    expect(feed.link).toEqual(expect.arrayContaining([
      expect.objectContaining({ "@rel": "alternate", "@href": `${ORIGIN}/` }),
      expect.objectContaining({ "@rel": "self", "@href": `${ORIGIN}/atom.xml` }),
    ]));
    expect(text(feed.author[0].name)).toBe("Feed Author");
  });

  it("gives every entry an id, title, updated, alternate link, author and HTML content", async () => {
    const { feed } = await fetchXml("/atom.xml", "application/atom+xml");
    expect(feed.entry).toHaveLength(5);
    for (const entry of feed.entry) {
      expect(text(entry.id)).toMatch(/^https:\/\/feeds\.example\.org\/blog\/\d{4}\/[a-z-]+\/$/);
      expect(Date.parse(text(entry.updated))).not.toBeNaN();
      expect(entry.link[0]).toMatchObject({ "@rel": "alternate", "@href": text(entry.id) });
      expect(entry.author.length).toBeGreaterThan(0);
      expect(entry.content["@type"]).toBe("html");
    }
    const hostile = feed.entry.find((e: XmlNode) => text(e.id).endsWith("/hostile/"));
    expect(text(hostile.title)).toBe(HOSTILE_TITLE);
    expect(text(hostile.content)).toContain("a literal ]]&gt; sequence, an ampersand &amp; and");
    expect(text(hostile.content)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile.category.map((c: XmlNode) => c["@term"])).toEqual(["Machine Learning", "CamelCase Tag"]);
  });
});

describe("/feed.json (JSON Feed 1.1)", () => {
  it("has the top-level fields of JSON Feed 1.1", async () => {
    const feed = await fetchJson("/feed.json");
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Feeds & <Friends>",
      home_page_url: `${ORIGIN}/`,
      feed_url: `${ORIGIN}/feed.json`,
      authors: [{ name: "Feed Author" }],
    });
    expect(feed.items).toHaveLength(5);
  });

  it("gives every item id, url, title, content_html, date_published, tags and authors", async () => {
    const feed = await fetchJson("/feed.json");
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.url.startsWith(`${ORIGIN}/blog/`)).toBe(true);
      expect(typeof item.title).toBe("string");
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(Array.isArray(item.tags)).toBe(true);
      expect(item.authors).toEqual([{ name: "Feed Author" }]);
    }
    const newest = feed.items[0];
    expect(newest).toMatchObject({ summary: "The newest post.", date_modified: "2025-02-01T00:00:00+00:00", tags: ["machine learning", "reviews"] });
    const hostile = feed.items.find((i: XmlNode) => i.url.endsWith("/hostile/"));
    expect(hostile.title).toBe("Ampersands & <angles> ]]> and a bell here");
    expect(hostile.image).toBe(`${ORIGIN}/assets/img/thumb.png`);
  });
});

describe("tag feeds", () => {
  it("/blog/tag/NAME/feed.xml lists the tag's posts, whatever the case of the tag in each post", async () => {
    const { rss } = await fetchXml("/blog/tag/machine-learning/feed.xml", "application/rss+xml");
    expect(rss.channel["atom:link"]["@href"]).toBe(`${ORIGIN}/blog/tag/machine-learning/feed.xml`);
    expect(text(rss.channel.link[0])).toBe(`${ORIGIN}/blog/tag/machine-learning/`);
    expect(rss.channel.item.map((i: XmlNode) => text(i.title))).toEqual(["Newest", "No related section", HOSTILE_TITLE, "Oldest"]);
  });

  it("/blog/tag/NAME/feed.json lists the same posts", async () => {
    const feed = await fetchJson("/blog/tag/camelcase-tag/feed.json");
    expect(feed.feed_url).toBe(`${ORIGIN}/blog/tag/camelcase-tag/feed.json`);
    expect(feed.items.map((i: XmlNode) => i.url)).toEqual([`${ORIGIN}/blog/2024/hostile/`]);
  });

  it("a non-ASCII tag's feed links to itself with a percent-encoded URL", async () => {
    const path = `/blog/tag/${encodeURIComponent("ωmega-σ")}/feed.xml`;
    const { rss } = await fetchXml(path, "application/rss+xml");
    expect(rss.channel["atom:link"]["@href"]).toBe(`${ORIGIN}${path}`);
  });

  it("unknown tags and drafts-only tags have no feed", async () => {
    expect((await get("/blog/tag/nope/feed.xml")).status).toBe(404);
    expect((await get("/blog/tag/CamelCase-Tag/feed.json")).status).toBe(404);
  });
});

describe("unpublished and future posts", () => {
  it("appear in no feed", async () => {
    for (const path of ["/feed.xml", "/atom.xml", "/feed.json", "/blog/tag/machine-learning/feed.xml", "/blog/tag/machine-learning/feed.json"]) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain("secret");
    }
  });
});

describe("feed readers polling", () => {
  it("get an ETag and a 304 when nothing changed", async () => {
    for (const path of ["/feed.xml", "/atom.xml", "/feed.json"]) {
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get("etag");
      expect(etag, path).toBeTruthy();
      const again = await get(path, { headers: { "If-None-Match": etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
    }
  });
});
