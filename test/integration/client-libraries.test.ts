/**
 * Client-side enhancements through the real build and worker: each page links
 * exactly the libraries its content needs (medium-zoom for zoomable figures,
 * mermaid's pan-and-zoom with `mermaid: {zoomable: true}`), and the markup
 * they enhance is complete without them. What they do in a browser is in
 * test/browser/client-libraries.test.ts.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { section } from "../support/html.ts";

async function page(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

const libraries = () => inject("sites")["client"]!.bundle!.manifest.libraries ?? {};
/** The engine library files a page loads (scripts and stylesheets under /assets/edgefolio/lib/), sorted. */
const loaded = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/edgefolio\/lib\/[^"]+)"/g)].map((m) => m[1]!).sort();
const filesOf = (...names: string[]) => [...new Set(names.flatMap((n) => [...(libraries()[n]!.styles ?? []), ...libraries()[n]!.scripts]))].sort();

describe("client libraries chosen by content", () => {
  beforeAll(async () => {
    await publishSite("client");
  });

  it("a zoomable figure loads medium-zoom (its script-free stylesheet build); the other figure is not zoomable", async () => {
    const html = await page("/blog/2024/cite-and-zoom/");
    expect(html.match(/<img [^>]*data-zoomable/g)).toHaveLength(1);
    expect(loaded(html)).toEqual(filesOf("medium-zoom"));
    expect(filesOf("medium-zoom").some((f) => /\/medium-zoom\.min\.umd\.[0-9a-f]{10}\.js$/.test(f))).toBe(true);
    expect(filesOf("medium-zoom").some((f) => /\/style\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
  });

  it("the BibTeX of `citation: true` has its Copy button, hidden until the script shows it", async () => {
    const html = await page("/blog/2024/cite-and-zoom/");
    const block = section(html, '<div class="citation-bibtex">', "</div>");
    expect(block).toContain('<code id="citation-bibtex">@article{reader2024cite,');
    expect(block).toContain('<button type="button" class="copy-citation" data-copy-target="citation-bibtex" hidden>Copy</button>');
  });

  it("`mermaid: {zoomable: true}` adds the pan-and-zoom script before the drawing script; without the key it is left out", async () => {
    const zoomable = await page("/blog/2024/zoomable-diagram/");
    expect(loaded(zoomable)).toEqual(filesOf("mermaid", "mermaid-zoom", "diagrams"));
    const order = ["mermaid", "mermaid-zoom", "diagrams"].map((n) => zoomable.indexOf(libraries()[n]!.scripts.at(-1)!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(loaded(await page("/blog/2024/still-diagram/"))).toEqual(filesOf("mermaid", "diagrams"));
  });

  it("a TikZ picture and a typogram are SVG in the HTML (drawn by the build), with only the TeX fonts' stylesheet and no script", async () => {
    const html = await page("/blog/2024/tikz-and-typograms/");
    expect(html).toMatch(/<figure class="tikz"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+" viewBox="[^"]+">/);
    expect(html).not.toContain("text/tikz");
    // The typogram: an image named by its text, its boxes as lines and its words as text.
    const typogram = /<figure class="typogram">(<svg [^>]*>)([\s\S]*?)<\/svg><\/figure>/.exec(html);
    expect(typogram?.[1]).toMatch(/ role="img" aria-label="\+------\+ {6}\+--------\+\n\| post \|-----&gt;\| reader \|\n/);
    expect(typogram?.[2]).toContain(">post</text>");
    expect(typogram?.[2]).toContain('stroke="currentColor"');
    expect(html).not.toContain("language-typograms");
    expect(loaded(html)).toEqual(filesOf("tikz"));
    expect(html).not.toContain("<script defer");
  });

  it("a typogram whose post lacks `typograms: true` stays its text in a code block, with a warning at the fence naming the key", async () => {
    const html = await page("/blog/2024/typogram-without-key/");
    expect(html).toContain('<pre><code class="language-typograms">+---+\n| a |\n+---+</code></pre>');
    expect(html).not.toContain('class="typogram"');
    const warning = inject("sites")["client"]!.problems.find((p) => p.file.endsWith("2024-05-08-typogram-without-key.md"));
    expect(warning).toMatchObject({ severity: "warning", line: 9, hint: "add `typograms: true` to the front matter" });
  });

  it("a feed carries a typogram as its text (feed readers often drop inline SVG)", async () => {
    const feed = await (await get("/feed.xml")).text();
    expect(feed).toContain("A typogram, drawn by the build as SVG");
    expect(feed).toContain("language-typograms");
    expect(feed).not.toContain("class=&quot;typogram&quot;");
  });

  it("a page that needs none loads no library", async () => {
    expect(loaded(await page("/blog/2024/plain/"))).toEqual([]);
  });
});
