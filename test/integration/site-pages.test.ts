/**
 * What a reader and a crawler see of the site's pages: pagers, archives,
 * related posts, feed autodiscovery, link previews, JSON-LD, sitemap and
 * robots.txt, on the `feeds` fixture (per_page 2, archive_per_page 2).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { alternateLinks, jsonLd, listedPosts, metaContent } from "../support/page-parts.ts";
import { parseXml, text, type XmlNode } from "../support/xml.ts";

const ORIGIN = "https://feeds.example.org";

beforeAll(async () => {
  await publishSite("feeds");
});

async function page(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe("the blog pager", () => {
  it("links the first, previous, next and last pages", async () => {
    const html = await page("/blog/page/2/");
    expect(listedPosts(html)).toEqual(["/blog/2024/unrelated/", "/blog/2024/figure/"]);
    expect(html).toContain('<a class="first" href="/blog/">');
    expect(html).toContain('<a rel="prev" href="/blog/">');
    expect(html).toContain('<a rel="next" href="/blog/page/3/">');
    expect(html).toContain('<a class="last" href="/blog/page/3/">');
    expect(html).toContain("Page 2 of 3");
  });

  it("has no previous link on the first page and no next link on the last", async () => {
    const first = await page("/blog/");
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<a class="last" href="/blog/page/3/">');
    const last = await page("/blog/page/3/");
    expect(listedPosts(last)).toEqual(["/blog/2024/hostile/", "/blog/2024/oldest/"]);
    expect(last).not.toContain('rel="next"');
    expect(last).toContain('<a class="first" href="/blog/">');
  });

  it("answers 404 past the last page and for page 0", async () => {
    expect((await get("/blog/page/4/")).status).toBe(404);
    expect((await get("/blog/page/0/")).status).toBe(404);
  });
});

describe("archives", () => {
  it("tags written with different case and spaces share one lowercase archive", async () => {
    const html = await page("/blog/tag/machine-learning/");
    // "Machine Learning" (a YAML list) and "machine learning" are one tag.
    expect(listedPosts(html)).toEqual(["/blog/2025/newest/", "/blog/2024/no-related/"]);
    expect(html).toContain('<a rel="next" href="/blog/tag/machine-learning/page/2/">');
    const page2 = await page("/blog/tag/machine-learning/page/2/");
    expect(listedPosts(page2)).toEqual(["/blog/2024/hostile/", "/blog/2024/oldest/"]);
    expect((await get("/blog/tag/Machine-Learning/")).status).toBe(404);
    expect((await get("/blog/tag/machine-learning/page/3/")).status).toBe(404);
  });

  it("the first page of an archive has one address", async () => {
    const res = await get("/blog/tag/machine-learning/page/1/");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/blog/tag/machine-learning/");
    expect((await get("/blog/tag/nope/page/1/")).status).toBe(404);
  });

  it("tag links on posts lead to the archive of the tag", async () => {
    const html = await page("/blog/2024/hostile/");
    expect(html).toContain('<a href="/blog/tag/camelcase-tag/">#CamelCase Tag</a>');
    expect(listedPosts(await page("/blog/tag/camelcase-tag/"))).toEqual(["/blog/2024/hostile/"]);
  });

  it("year archives are paginated too, so a busy year stays bounded", async () => {
    expect(listedPosts(await page("/blog/2024/"))).toEqual(["/blog/2024/no-related/", "/blog/2024/unrelated/"]);
    expect(listedPosts(await page("/blog/2024/page/3/"))).toEqual(["/blog/2024/oldest/"]);
    expect((await get("/blog/2024/page/4/")).status).toBe(404);
  });

  it("a tag with non-ASCII letters has its archive and feeds at the percent-encoded address browsers send", async () => {
    const html = await page("/blog/2024/unrelated/");
    expect(html).toContain('<a href="/blog/tag/ωmega-σ/">#Ωmega Σ</a>');
    expect(listedPosts(await page(`/blog/tag/${encodeURIComponent("ωmega-σ")}/`))).toEqual(["/blog/2024/unrelated/"]);
    expect((await get(`/blog/tag/${encodeURIComponent("ωmega-σ")}/feed.xml`)).status).toBe(200);
  });

  it("category archives use the slug of the category", async () => {
    const html = await page("/blog/category/research-notes/");
    expect(html).toContain("Posts in Research Notes");
    expect(listedPosts(html)).toEqual(["/blog/2024/hostile/"]);
  });

  it("unpublished and future posts are in no list and answer 404", async () => {
    const lists = await Promise.all(["/", "/blog/", "/blog/page/2/", "/blog/page/3/", "/blog/tag/machine-learning/", "/blog/tag/machine-learning/page/2/", "/blog/2024/"].map(page));
    for (const html of lists) expect(html).not.toContain("secret");
    expect((await get("/blog/2024/unpublished/")).status).toBe(404);
    expect((await get("/blog/2030/future/")).status).toBe(404);
    expect((await get("/blog/2030/")).status).toBe(404);
  });
});

describe("the home page", () => {
  it("shows the site title and description, featured posts and the latest per_page posts", async () => {
    const html = await page("/");
    expect(html).toContain("<h1>Feeds &amp; &lt;Friends&gt;</h1>");
    expect(html).toContain("A site whose content is hostile to XML.");
    const featured = html.slice(html.indexOf("<h2>Featured</h2>"), html.indexOf("<h2>Latest posts</h2>"));
    expect(listedPosts(featured)).toEqual(["/blog/2025/newest/"]);
    expect(listedPosts(html.slice(html.indexOf("<h2>Latest posts</h2>")))).toEqual(["/blog/2025/newest/", "/blog/2024/no-related/"]);
  });
});

describe("related posts", () => {
  const related = (html: string) => {
    const start = html.indexOf('<aside class="related-posts"');
    return start < 0 ? null : [...html.slice(start, html.indexOf("</aside>", start)).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
  };

  it("ranks by shared tags, then by recency", async () => {
    // `oldest` shares two tags with `newest`, one with the others.
    expect(related(await page("/blog/2024/oldest/"))).toEqual(["/blog/2025/newest/", "/blog/2024/no-related/", "/blog/2024/figure/", "/blog/2024/hostile/"]);
    expect(related(await page("/blog/2024/hostile/"))).toEqual(["/blog/2025/newest/", "/blog/2024/no-related/", "/blog/2024/oldest/"]);
  });

  it("shows no section when nothing shares a tag, or when the post turns it off", async () => {
    expect(related(await page("/blog/2024/unrelated/"))).toBeNull();
    expect(related(await page("/blog/2024/no-related/"))).toBeNull();
  });

  it("never lists unpublished posts", async () => {
    expect(await page("/blog/2025/newest/")).not.toContain("secret");
  });
});

describe("<head>", () => {
  it("advertises the RSS, Atom and JSON feeds on every page, with absolute URLs from site.yml", async () => {
    for (const path of ["/", "/blog/", "/blog/2024/", "/blog/2024/oldest/", "/blog/category/research-notes/", "/nope/"]) {
      const res = await get(path, { headers: { Host: "evil.example" } });
      const links = alternateLinks(await res.text());
      expect(links.slice(0, 3), path).toEqual([
        { type: "application/rss+xml", title: "Feeds &amp; &lt;Friends&gt; (RSS)", href: `${ORIGIN}/feed.xml` },
        { type: "application/atom+xml", title: "Feeds &amp; &lt;Friends&gt; (Atom)", href: `${ORIGIN}/atom.xml` },
        { type: "application/feed+json", title: "Feeds &amp; &lt;Friends&gt; (JSON Feed)", href: `${ORIGIN}/feed.json` },
      ]);
    }
  });

  it("a tag archive also advertises the tag's own feeds", async () => {
    const links = alternateLinks(await page("/blog/tag/camelcase-tag/"));
    expect(links.map((l) => l.href)).toEqual([
      `${ORIGIN}/feed.xml`, `${ORIGIN}/atom.xml`, `${ORIGIN}/feed.json`,
      `${ORIGIN}/blog/tag/camelcase-tag/feed.xml`, `${ORIGIN}/blog/tag/camelcase-tag/feed.json`,
    ]);
  });

  it("gives a post OpenGraph and Twitter card meta, with its thumbnail as the picture", async () => {
    const html = await page("/blog/2024/hostile/");
    expect(metaContent(html, "og:type")).toBe("article");
    expect(metaContent(html, "og:title")).toBe("Ampersands &amp; &lt;angles&gt; ]]&gt; and a bell here");
    expect(metaContent(html, "og:description")).toBe("Summary with &amp; and &lt; and ]]&gt;");
    expect(metaContent(html, "og:url")).toBe(`${ORIGIN}/blog/2024/hostile/`);
    expect(metaContent(html, "og:image")).toBe(`${ORIGIN}/assets/img/thumb.png`);
    expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
    expect(metaContent(html, "twitter:image")).toBe(`${ORIGIN}/assets/img/thumb.png`);
  });

  it("takes the picture from the first figure when there is no thumbnail, and has none otherwise", async () => {
    expect(metaContent(await page("/blog/2024/figure/"), "og:image")).toBe(`${ORIGIN}/assets/img/figure.png`);
    const plain = await page("/blog/2024/unrelated/");
    expect(metaContent(plain, "og:image")).toBeUndefined();
    expect(metaContent(plain, "twitter:card")).toBe("summary");
  });

  it("lists pages as websites", async () => {
    const html = await page("/blog/");
    expect(metaContent(html, "og:type")).toBe("website");
    expect(metaContent(html, "og:url")).toBe(`${ORIGIN}/blog/`);
  });

  it("embeds a JSON-LD BlogPosting with `<` written as \\u003c", async () => {
    const html = await page("/blog/2024/hostile/");
    const script = html.slice(html.indexOf('<script type="application/ld+json">'));
    expect(script.slice(0, script.indexOf("</script>"))).not.toMatch(/<angles>|]]>/);
    expect(script).toContain("\\u003cangles\\u003e");
    expect(jsonLd(html)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      headline: "Ampersands & <angles> ]]> and a bell here",
      description: "Summary with & and < and ]]>",
      url: `${ORIGIN}/blog/2024/hostile/`,
      datePublished: "2024-02-01T00:00:00+00:00",
      image: `${ORIGIN}/assets/img/thumb.png`,
      author: [{ "@type": "Person", name: "Feed Author" }],
    });
    expect(jsonLd(await page("/blog/"))).toBeUndefined();
  });
});

describe("crawlers", () => {
  it("/sitemap.xml lists every listed post and list page with lastmod, and nothing unpublished or redirected", async () => {
    const res = await get("/sitemap.xml", { headers: { Host: "evil.example" } });
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const { urlset } = parseXml(await res.text());
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const byLoc = new Map<string, string>(urlset.url.map((u: XmlNode) => [text(u.loc), text(u.lastmod)]));
    for (const path of ["/", "/blog/", "/blog/page/3/", "/blog/2024/oldest/", "/blog/2025/newest/", "/blog/2024/page/2/", "/blog/tag/machine-learning/page/2/", "/blog/category/research-notes/"]) {
      expect(byLoc.has(`${ORIGIN}${path}`), path).toBe(true);
    }
    expect(byLoc.get(`${ORIGIN}/blog/2025/newest/`)).toBe("2025-02-01T00:00:00+00:00");
    // URLs, not IRIs: the non-ASCII tag slug is percent-encoded.
    expect(byLoc.has(`${ORIGIN}/blog/tag/%CF%89mega-%CF%83/`)).toBe(true);
    expect(byLoc.get(`${ORIGIN}/`)).toBe("2025-01-01T10:00:00+00:00");
    for (const loc of byLoc.keys()) {
      expect(loc).not.toMatch(/unpublished|future|\/page\/1\/|feed\.|evil/);
    }
    // Home, 3 blog pages, 6 posts, 2024 (3 pages) and 2025, tags machine-learning (2 pages),
    // reviews (2), camelcase-tag, solitary, ωmega-σ, and the category.
    expect(byLoc.size).toBe(1 + 3 + 6 + 3 + 1 + 2 + 2 + 1 + 1 + 1 + 1);
  });

  it("/robots.txt points at the sitemap", async () => {
    const res = await get("/robots.txt");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
  });
});

describe("the 404 page", () => {
  it("is in the site's layout with status 404, for unknown archives and feeds too", async () => {
    for (const path of ["/nope/", "/blog/tag/nope/", "/blog/2023/", "/blog/tag/nope/feed.json", "/sitemaps/1.xml"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toContain("Page not found");
      expect(html).toContain('<a class="site-title" href="/">Feeds &amp; &lt;Friends&gt;</a>');
    }
  });
});
