/**
 * Math, code and diagrams through the real worker: fragments the build made
 * are stored with the post and read back; client libraries are linked only
 * on the pages that need them.
 */
import { beforeAll, describe, expect, it } from "vitest";
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
