/**
 * al-folio's 31 sample posts (../shared/corpus/al-folio), copied in unchanged
 * as one site, built by the real build and served by the real worker: every
 * post answers, no Liquid or kramdown syntax reaches the reader outside code,
 * and the constructs each post uses are in the HTML. Skipped (reported as
 * such) where ../shared is absent.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";

const sites = inject("sites");
const corpus = sites["corpus"];

/** The page without code, where Liquid or kramdown syntax may legitimately be shown. */
function outsideCode(html: string): string {
  return html
    .replace(/<pre\b[\s\S]*?<\/pre>/g, "")
    .replace(/<code\b[\s\S]*?<\/code>/g, "")
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<d-code\b[\s\S]*?<\/d-code>/g, "");
}

/** Post paths listed by the sitemap, as a crawler finds them. */
async function postPaths(): Promise<string[]> {
  const xml = await (await get("/sitemap.xml")).text();
  return [...xml.matchAll(/<loc>https?:\/\/[^/<]+(\/blog\/\d{4}\/[^/<]+\/)<\/loc>/g)].map((m) => m[1]!);
}

describe.skipIf(!corpus)("al-folio's sample posts (../shared/corpus/al-folio)", () => {
  const pages = new Map<string, string>();

  beforeAll(async () => {
    await publishSite("corpus");
    for (const path of await postPaths()) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      pages.set(path, await res.text());
    }
  });

  /** The HTML of the post whose path ends with `/slug/`. */
  function page(slug: string): string {
    const found = [...pages].find(([path]) => path.endsWith(`/${slug}/`));
    if (!found) throw new Error(`no page for ${slug}; pages: ${[...pages.keys()].join(", ")}`);
    return found[1];
  }

  it("builds without an error", () => {
    expect(corpus!.problems.filter((p) => p.severity !== "warning")).toEqual([]);
  });

  it("serves every post: 30 pages and one redirect", async () => {
    expect(pages.size).toBe(30);
    const redirect = await get("/blog/2022/redirect/");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("Location")).toBe("/assets/pdf/example_pdf.pdf");
  });

  it("shows no Liquid or kramdown syntax outside code", () => {
    for (const [path, html] of pages) {
      // `{% raw %}` shows Liquid literally, as Jekyll does: the code post demonstrates the highlight tag in running text.
      const text = outsideCode(html).replace("{% highlight c++ linenos %} <br/> code code code <br/> {% endhighlight %}", "");
      for (const syntax of ["{%", "{{", "{:", "[^"]) expect(text.includes(syntax), `${syntax} on ${path}`).toBe(false);
    }
  });

  // What each post is for, as a reader sees it (see the corpus README's table).
  const constructs: [slug: string, what: string, pattern: RegExp][] = [
    ["formatting-and-links", "a task list", /<input[^>]*type="checkbox"/],
    ["images", "figures in a grid", /<div class="row[^"]*">[\s\S]*?<figure/],
    ["code", "a code block with line numbers", /linenos|line-number|class="line"/],
    ["math", "typeset math", /class="katex/],
    ["distill", "a numbered citation", /<a class="cite-link" href="#ref-gregor2015draw"/],
    ["twitter", "a tweet card", /twitter\.com\/rubygems\/status\/518821243320287232/],
    ["twitter", "a profile link card", /twitter\.com\/jekyllrb/],
    ["diagrams", "a mermaid diagram", /class="language-mermaid/],
    ["diagrams", "a span IAL on a link", /<a [^>]*target="_blank"/],
    ["table-of-contents", "a table of contents", /<nav[^>]*class="[^"]*toc/],
    ["tables", "a table", /<table/],
    ["videos", "a video", /<video|<iframe/],
    ["audios", "an audio player", /<audio/],
    ["sidebar-table-of-contents", "a sidebar table of contents", /<nav[^>]*class="[^"]*toc/],
    ["custom-blockquotes", "a tip blockquote", /<blockquote class="block-tip"/],
    ["jupyter-notebook", "a rendered notebook", /class="[^"]*jupyter/],
    ["post-bibliography", "a jekyll-scholar citation", /<a [^>]*href="#[^"]*einstein1950meaning/],
    ["tikzjax", "a TikZ picture drawn at build time", /<figure class="tikz"><svg [^>]*viewBox=/],
    ["chartjs", "a chart.js chart", /chartjs/],
    ["echarts", "an echarts chart", /echarts/],
    ["geojson-map", "a map", /geojson/],
    ["advanced-images", "an image slider", /<swiper-container/],
    ["code-diff", "a coloured diff", /diff/],
    ["vega-lite", "a vega-lite chart", /vega/],
    ["pseudocode", "pseudocode", /pseudocode/],
    ["post-citation", "a citation section", /citation/i],
    ["typograms", "a typogram drawn at build time", /<figure class="typogram"><svg [^>]*role="img"/],
    ["tabs", "tabs with every tab's content", /tab/],
    ["photo-gallery", "a gallery", /<img/],
    ["plotly", "a plotly chart", /plotly/],
  ];
  it.each(constructs)("%s shows %s", (slug, _what, pattern) => {
    expect(page(slug)).toMatch(pattern);
  });
});
