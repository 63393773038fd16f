/**
 * Math, code and diagrams through the real worker: fragments the build made
 * are stored with the post and read back; client libraries are linked only
 * on the pages that need them.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { builtSite, get, publishSite } from "../support/worker.ts";

const head = (page: string) => page.slice(0, page.indexOf("</head>"));

describe("math", () => {
  let page: string;
  let plain: string;
  beforeAll(async () => {
    await publishSite("science");
    page = await (await get("/blog/2024/equations/")).text();
    plain = await (await get("/blog/2024/plain/")).text();
  });

  it("is typeset by the build: KaTeX HTML, numbered, with a working \\eqref", () => {
    expect(page).toContain('<span class="katex">');
    expect(page).not.toContain("$$");
    expect(page).toMatch(/<div class="math-display" id="eq-eq:energy">/);
    expect(page).toMatch(/<a class="eqref" href="#eq-eq:energy">\(1\)<\/a>/);
  });

  it("links KaTeX's stylesheet on a page with math, from /assets/ with a hashed name", () => {
    const css = builtSite("science").manifest.libraries?.["katex"]?.styles[0];
    expect(css).toMatch(/^\/assets\/edgefolio\/lib\/katex\.min\.[0-9a-f]{10}\.css$/);
    expect(head(page)).toContain(`<link rel="stylesheet" href="${css}">`);
  });

  it("links no KaTeX stylesheet and loads no library script on a page without math or an enabled diagram", () => {
    expect(head(plain)).not.toContain("/assets/edgefolio/lib/");
    expect(plain).not.toMatch(/<script[^>]*src="\/assets\/edgefolio\/lib\//);
    expect(plain).toContain("Coffee costs $3 and cake $4");
  });
});

describe("code and diagrams", () => {
  let diagram: string;
  let plain: string;
  beforeAll(async () => {
    await publishSite("science");
    diagram = await (await get("/blog/2024/diagram/")).text();
    plain = await (await get("/blog/2024/plain/")).text();
  });

  it("highlights code at build time and links the highlight stylesheet only where code is highlighted", () => {
    expect(diagram).toContain('<span class="hljs-built_in">print</span>');
    const css = builtSite("science").manifest.libraries?.["highlight"]?.styles[0];
    expect(head(diagram)).toContain(`<link rel="stylesheet" href="${css}">`);
    expect(head(plain)).not.toContain(css);
  });

  it("loads mermaid and the drawing script, from /assets/, on a post that enables mermaid; the source stays in the page", () => {
    const libs = builtSite("science").manifest.libraries!;
    const scripts = [...head(diagram).matchAll(/<script defer src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    // The post has `mermaid: {enabled: true, zoomable: true}`: the pan-and-zoom script comes before the drawing one.
    expect(scripts).toEqual([...libs["mermaid"]!.scripts, ...libs["mermaid-zoom"]!.scripts, ...libs["diagrams"]!.scripts]);
    expect(scripts[0]).toMatch(/^\/assets\/edgefolio\/lib\/mermaid\.min\.[0-9a-f]{10}\.js$/);
    expect(diagram).toContain('<pre><code class="language-mermaid">graph LR; idea--&gt;post</code></pre>');
  });

  it("keeps a mermaid fence as source, loads no script, and warns at the fence when the post does not enable mermaid", () => {
    expect(plain).toContain('<pre><code class="language-mermaid">');
    expect(plain).not.toContain("<script defer");
    const warning = inject("sites")["science"]!.problems.find((p) => p.file.endsWith("2024-03-02-plain.md"));
    expect(warning).toMatchObject({ severity: "warning", line: 10, hint: "add `mermaid: {enabled: true}` to the front matter" });
  });
});
