/**
 * The reference posts, built from ../shared when it exists (it does in CI; a
 * fresh clone lacks it and these tests report as skipped): the seed post
 * "December 2023 in ML" and al-folio's own distill example.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { fragmentLinks, ids, section } from "../support/html.ts";

const sites = inject("sites");
const hasSeed = Boolean(sites["seed"]);
const hasCorpus = Boolean(sites["corpus-distill"]);

/** The page without code blocks, where `{%` may legitimately be shown. */
const outsideCode = (html: string) => html.replace(/<pre[ >][\s\S]*?<\/pre>/g, "").replace(/<code>[\s\S]*?<\/code>/g, "");

function checkToc(html: string, expected: number): void {
  const toc = section(html, '<nav class="toc"', "</nav>");
  const targets = fragmentLinks(toc);
  expect(targets).toHaveLength(expected);
  const headingIds = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
  for (const id of targets) expect(headingIds, `TOC link #${id}`).toContain(id);
}

function checkImages(html: string, assets: readonly string[]): string[] {
  const srcs = [...section(html, '<div class="post-body', '<section class="appendix"').matchAll(/<figure[^>]*><picture><img src="([^"]+)"/g)].map((m) => m[1]!);
  for (const src of srcs) expect(assets, src).toContain(src.replace(/^\//, ""));
  return srcs;
}

describe.skipIf(!hasSeed)("the seed post (../shared/seed)", () => {
  let html: string;
  beforeAll(async () => {
    await publishSite("seed");
    const res = await get("/blog/2024/december-2023-in-ml/");
    expect(res.status).toBe(200);
    html = await res.text();
  });

  it("builds without a problem besides its figures' missing alt text", () => {
    const problems = sites["seed"]!.problems;
    // al-folio's figures rarely say what they show: the build says so, and nothing else.
    expect(problems.filter((p) => !(p.severity === "warning" && p.message.endsWith("has no `alt` text")))).toEqual([]);
  });

  it("has 26 references, numbered in first-citation order, each cited and linked", () => {
    const refs = [...section(html, '<ol class="references">', "</ol>").matchAll(/<li id="([^"]+)">/g)].map((m) => m[1]!);
    expect(refs).toHaveLength(26);
    expect(refs[0]).toBe("ref-wenBatchedLowRankAdaptation2023");
    expect(refs[25]).toBe("ref-phanTrainingChainofThoughtLatentVariable2023");
    const body = section(html, '<div class="post-body', '<section class="appendix"');
    const cites = [...body.matchAll(/<a class="cite-link" href="#([^"]+)"[^>]*>\[(\d+)\]<\/a>/g)].map((m) => [m[1]!, Number(m[2])] as const);
    expect(cites).toHaveLength(26);
    expect(cites.map(([id]) => id)).toEqual(refs);
    expect(cites.map(([, n]) => n)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    // Diacritics survive BibTeX (distill's parser loses them).
    expect(section(html, '<ol class="references">', "</ol>")).toContain("Ana Marasović");
  });

  it("has 1 footnote with its link, card and backlink", () => {
    expect([...html.matchAll(/<a class="footnote-link" id="fnref-1" href="#fn-1"/g)]).toHaveLength(1);
    expect(html).not.toContain('id="fnref-2"');
    const notes = section(html, '<ol class="footnotes">', "</ol>");
    expect([...notes.matchAll(/<li id="fn-\d+">/g)]).toHaveLength(1);
    expect(notes).toContain('<a href="https://arxiv.org/abs/2101.03961">Switch Transformer</a>');
    expect(notes).toContain('href="#fnref-1"');
  });

  it("has 5 figures whose image files exist", () => {
    expect(checkImages(html, sites["seed"]!.assets)).toHaveLength(5);
  });

  it("has a TOC whose 15 links all land on headings", () => {
    checkToc(html, 15);
  });

  it("has the tweet as a static blockquote and the 26-item details list", () => {
    expect(html).toContain('<blockquote class="twitter-tweet tweet-card">');
    // The date comes from the status id (a snowflake), with no network.
    expect(html).toContain('<time datetime="2023-12-27T22:57:10.291Z">December 27, 2023</time>');
    expect(html).toContain('<a href="https://twitter.com/dvruette/status/1740144820918923406">');
    const details = section(html, "<details>", "</details>");
    expect(details).toContain("<summary>Papers I looked at this month (mostly on Neurips)</summary><ul>");
    expect([...details.matchAll(/<li>/g)]).toHaveLength(26);
  });

  it("leaves no stray Liquid or raw distill tags", () => {
    expect(html).not.toContain("{%");
    expect(html).not.toContain("<d-cite");
    expect(html).not.toContain("&lt;d-cite");
    expect(html).not.toContain("<d-footnote");
    expect(ids(html).size).toBeGreaterThan(60);
  });
});

describe.skipIf(!hasCorpus)("al-folio's distill example (../shared/corpus)", () => {
  let html: string;
  beforeAll(async () => {
    await publishSite("corpus-distill");
    const res = await get("/blog/2021/distill/");
    expect(res.status).toBe(200);
    html = await res.text();
  });

  it("builds without errors", () => {
    expect(sites["corpus-distill"]!.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("renders its citation, reference, footnote, details and TOC", () => {
    expect(html).toContain('<a class="cite-link" href="#ref-gregor2015draw" aria-describedby="cite-card-1">[1]</a>');
    expect(section(html, '<ol class="references">', "</ol>")).toContain("DRAW: A recurrent neural network for image generation");
    expect(html).toContain('<a class="footnote-link" id="fnref-1" href="#fn-1"');
    expect(section(html, '<ol class="footnotes">', "</ol>")).toContain("This will become a hoverable footnote.");
    expect(html).toContain("<details><summary>Click here to know more</summary>");
    checkToc(html, 13);
  });

  it("renders highlight blocks, output tags, figures in asides and math", () => {
    // <d-code block> and fences highlighted at build time; diagram fences keep al-folio's markup.
    expect(html).toContain('<pre class="highlight"><code class="language-javascript" data-lang="javascript"><span class="hljs-keyword">var</span> x = <span class="hljs-number">25</span>;');
    expect(html).toContain('<pre><code class="language-mermaid">');
    expect(html).toContain('<iframe src="/assets/plotly/demo.html"');
    expect(html).toMatch(/<aside>\s*<figure><picture><img src="\/assets\/img\/rhino.png"/);
    expect(sites["corpus-distill"]!.assets).toContain("assets/img/rhino.png");
    // $$…$$ typeset by KaTeX at build time, the TeX kept in the MathML annotation.
    expect(html).toMatch(/just like <span class="katex">.*?<annotation encoding="application\/x-tex">E = mc\^2<\/annotation>/);
    expect(html).toMatch(/<annotation encoding="application\/x-tex">\\left\( \\sum_\{k=1\}\^n a_k b_k \\right\)\^2/);
    expect(html).not.toContain('<span class="math">');
    expect(outsideCode(html)).not.toContain("$$");
    expect(html).toContain("giscus.app/client.js");
    expect(outsideCode(html)).not.toContain("{%");
    expect(html).not.toContain("<d-cite");
  });
});
