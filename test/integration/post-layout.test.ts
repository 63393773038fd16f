/** al-folio's post layout through the real build and worker: TOC placements (more features join below). */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { fragmentLinks, ids, section, text } from "../support/html.ts";

async function page(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe("post layout TOC", () => {
  beforeAll(async () => {
    await publishSite("post-layout");
  });

  it("`toc: {beginning: true}` lists the headings before the body, with their labels and skips", async () => {
    const html = await page("/blog/2024/toc-at-the-beginning/");
    const toc = section(html, '<nav class="toc"', "</nav>");
    expect(html.indexOf(toc)).toBeLessThan(html.indexOf('<div class="post-body">'));
    expect(html).toContain('</nav><hr class="toc-rule">');
    expect(text(toc)).toBe("Contents Getting started A first detail Second detail Wrapping up");
    expect(toc).not.toContain("Acknowledgements");
    const targets = fragmentLinks(toc);
    expect(targets).toEqual(["getting-started", "a-first-detail", "a-second-detail-whose-heading-is-much-too-long-for-a-sidebar", "wrapping-up"]);
    for (const id of targets) expect(ids(html), id).toContain(id);
    // Nested: the h3 entries sit inside the first h2's entry.
    expect(toc).toMatch(/<li><a href="#getting-started">Getting started<\/a><ul><li>/);
  });

  it("`toc: {sidebar: right}` puts the contents in the right margin, honouring an author's id", async () => {
    const html = await page("/blog/2024/toc-in-the-sidebar/");
    const toc = section(html, '<nav class="toc toc-sidebar-right"', "</nav>");
    expect(fragmentLinks(toc)).toEqual(["left-margin-or-right", "own-id", "a-markdown-heading-relabelled-with-an-ial"]);
    expect(text(toc)).toBe("Contents Left margin or right Custom label IAL label");
    expect(html).toContain('<h2 id="a-markdown-heading-left-out" data-toc-skip="">');
    expect(html).toContain('<h2 id="own-id" data-toc-text="Custom label">');
    expect(html).not.toContain("toc-rule");
  });

  it("a bare `toc: true` shows no contents on the post layout, as on al-folio", async () => {
    const html = await page("/blog/2024/plain-toc/");
    expect(html).not.toContain('class="toc');
  });
});

describe("thumbnails", () => {
  beforeAll(async () => {
    await publishSite("post-layout");
  });

  const card = (html: string, path: string) => section(html, `<li class="post-summary has-thumbnail">\n  <div class="post-summary-text">\n  <h3><a href="${path}">`, "</li>");

  it("show on the blog list and the home cards, beside the post's summary", async () => {
    for (const listPath of ["/blog/", "/"]) {
      const html = await page(listPath);
      const item = card(html, "/blog/2024/with-a-thumbnail/");
      expect(item, listPath).toContain('<img class="post-thumbnail" src="/assets/img/cover.png" alt="" loading="lazy">');
    }
    // Posts without one keep the plain card.
    expect(await page("/blog/")).toMatch(/<li class="post-summary">\s*<div class="post-summary-text">\s*<h3><a href="\/blog\/2024\/plain-toc\/">/);
  });

  it("a thumbnail that is not under assets/ is a located warning and no broken picture", async () => {
    const { problems } = inject("sites")["post-layout"]!;
    expect(problems.filter((p) => p.message.includes("thumbnail")).map((p) => `${p.file}:${p.line}:${p.col} ${p.severity}`)).toEqual([
      expect.stringMatching(/posts\/2024-01-21-missing-thumbnail\.md:5:12 warning$/),
    ]);
    const html = await page("/blog/");
    expect(html).not.toContain("missing.png");
  });
});

describe("disqus_comments", () => {
  it("embeds Disqus' thread and its embed.js for the site's shortname, only where asked", async () => {
    await publishSite("disqus");
    const html = await page("/blog/2024/comments-welcome/");
    expect(section(html, '<section class="comments" id="disqus_thread"', "</section>")).toContain("<noscript>");
    expect([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1])).toContain("https://edgefolio-lab.disqus.com/embed.js");
    expect(html).not.toMatch(/<script>|<script type="text\/javascript">/); // no inline script: the CSP allows none
    const csp = (await get("/blog/2024/comments-welcome/")).headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/script-src [^;]*https:\/\/edgefolio-lab\.disqus\.com/);
    expect(csp).toMatch(/frame-src [^;]*https:\/\/disqus\.com/);
    expect((await get("/blog/2024/no-comments/")).headers.get("Content-Security-Policy")).not.toContain("disqus");
    const plain = await page("/blog/2024/no-comments/");
    expect(plain).not.toMatch(/disqus_thread|disqus\.com/);
  });

  it("without a shortname in site.yml: a located warning and no embed", async () => {
    const { problems } = inject("sites")["post-layout"]!;
    expect(problems.filter((p) => p.message.includes("disqus")).map((p) => `${p.file.replace(/^.*posts\//, "")}:${p.line}:${p.col} ${p.severity}`)).toEqual([
      "2024-01-22-disqus-without-shortname.md:5:18 warning",
    ]);
    await publishSite("post-layout");
    expect(await page("/blog/2024/disqus-without-shortname/")).not.toMatch(/disqus_thread|disqus\.com/);
  });
});

describe("client libraries of the post layout", () => {
  beforeAll(async () => {
    await publishSite("post-layout");
  });

  const libraries = () => inject("sites")["post-layout"]!.bundle!.manifest.libraries ?? {};
  /** The engine library files a page loads (scripts and stylesheets under /assets/edgefolio/lib/). */
  const loaded = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/edgefolio\/lib\/[^"]+)"/g)].map((m) => m[1]!);
  const filesOf = (...names: string[]) => names.flatMap((n) => [...libraries()[n]!.styles, ...libraries()[n]!.scripts]).sort();

  it("pretty_table: every row in the HTML, al-folio's markup kept, simple-datatables loaded there only", async () => {
    const html = await page("/blog/2024/pretty-tables/");
    for (let i = 1; i <= 12; i++) expect(html).toMatch(new RegExp(`<td[^>]*>model-${i}</td>`));
    expect(html).toContain("<td>sixth row</td>");
    // A bootstrap-table `data-url` table: the build wrote the JSON's rows in, escaped.
    expect(html).toContain("</thead><tbody><tr><td>1</td><td>&lt;b&gt;not markup&lt;/b&gt;</td><td>$1</td></tr><tr><td>2</td><td>Item 2</td><td>$2</td></tr><tr><td>3</td><td>Item 3</td><td></td></tr></tbody>");
    expect(html).toContain('<table data-toggle="table" data-search="true" data-pagination="true" data-page-size="5">');
    expect(loaded(html).sort()).toEqual(filesOf("pretty-table"));
    expect(filesOf("pretty-table").some((f) => /simple-datatables\.[0-9a-f]{10}\.js$/.test(f))).toBe(true);
    expect(loaded(await page("/blog/2024/plain-toc/"))).toEqual([]);
  });

  it("pretty_table pages allow style attributes (simple-datatables writes column widths), other pages do not", async () => {
    const csp = async (path: string) => (await get(path)).headers.get("content-security-policy") ?? "";
    expect(await csp("/blog/2024/pretty-tables/")).toContain("style-src-attr 'unsafe-inline'");
    expect(await csp("/blog/2024/plain-toc/")).not.toContain("style-src-attr");
  });

  it("images: {compare, slider}: al-folio's web components with every figure in the HTML, their two libraries only", async () => {
    const html = await page("/blog/2024/image-components/");
    const slider = section(html, "<swiper-container", "</swiper-container>");
    expect(slider.match(/<swiper-slide><figure><picture><img src="\/assets\/img\/[a-z]+\.png"/g)).toHaveLength(3);
    const compare = section(html, "<img-comparison-slider>", "</img-comparison-slider>");
    expect(compare).toContain('<figure slot="first"><picture><img src="/assets/img/left.png"');
    expect(compare).toContain('<figure slot="second"><picture><img src="/assets/img/right.png"');
    expect(loaded(html).sort()).toEqual(filesOf("swiper", "img-comparison-slider"));
  });

  it("images: the four gallery libraries, with the author's links kept", async () => {
    const html = await page("/blog/2024/galleries/");
    for (const marker of ['data-lightbox="set"', 'class="pswp-gallery"', 'class="spotlight"', 'class="venobox" data-gall="g"']) expect(html).toContain(marker);
    expect(loaded(html).sort()).toEqual(filesOf("lightbox2", "photoswipe", "spotlight", "venobox"));
  });
});
