import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { xmlDocument } from "../../scripts/lib/xml-document.ts";
import { sitemapDocuments } from "../../scripts/lib/seo/sitemap.ts";

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: false }).parse(xml);
};

describe("xmlDocument", () => {
  it("round-trips HTML with entities exactly: a reader decodes it once and gets our HTML back", () => {
    const html = "<p>&lt;script&gt; &amp;amp; &nbsp; ]]> & <b>x</b></p>";
    expect(parse(xmlDocument("r", { c: html, a: { "@v": html } })).r).toMatchObject({ c: html, a: { "@v": html } });
  });

  it("drops characters XML 1.0 forbids, keeps tab, newline and astral characters", () => {
    const doc = xmlDocument("r", { c: "a\u0000b\u0001c\u000bd\uFFFEe\tf\ng😀" });
    expect(doc).toContain("<c>abcde\tf\ng😀</c>");
  });

  it('writes an attribute whose value is "true" with its value', () => {
    expect(xmlDocument("r", { g: { "@isPermaLink": "true", "#text": "u" } })).toContain('<g isPermaLink="true">u</g>');
  });
});

describe("sitemapDocuments", () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ path: `/p${i}/`, lastmod: `2024-01-0${i + 1}T00:00:00Z` }));

  it("is one urlset while the site fits in a part", () => {
    const docs = sitemapDocuments("https://s.example", entries, 5);
    expect([...docs.keys()]).toEqual(["/sitemap.xml"]);
    expect(parse(docs.get("/sitemap.xml")!).urlset.url).toHaveLength(5);
  });

  it("becomes an index of parts beyond that, each part with its newest lastmod", () => {
    const docs = sitemapDocuments("https://s.example", entries, 2);
    expect([...docs.keys()].sort()).toEqual(["/sitemap.xml", "/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"]);
    const index = parse(docs.get("/sitemap.xml")!).sitemapindex.sitemap;
    expect(index.map((s: { loc: string }) => s.loc)).toEqual(["https://s.example/sitemaps/1.xml", "https://s.example/sitemaps/2.xml", "https://s.example/sitemaps/3.xml"]);
    expect(index[1].lastmod).toBe("2024-01-04T00:00:00Z");
    expect(parse(docs.get("/sitemaps/3.xml")!).urlset.url.loc).toBe("https://s.example/p4/");
  });

  it("dates a part by its newest instant, whatever the offsets its dates are written in", () => {
    const zoned = ["2024-01-02T00:00:00+05:00", "2024-01-01T22:00:00Z", "2024-01-01T20:00:00-03:00", "2024-01-01T23:00:00Z"].map((lastmod, i) => ({ path: `/z${i}/`, lastmod }));
    const index = parse(sitemapDocuments("https://s.example", zoned, 3).get("/sitemap.xml")!).sitemapindex.sitemap;
    // 19:00, 22:00 and 23:00 UTC: the third; of two equal instants the first listed.
    expect(index[0].lastmod).toBe("2024-01-01T20:00:00-03:00");
    expect(index[1].lastmod).toBe("2024-01-01T23:00:00Z");
  });
});
