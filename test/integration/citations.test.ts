/**
 * Citation styles, citations everywhere and citable posts, through the real
 * worker with KV filled by the real build (test/fixtures/sites/citations):
 * site.yml sets `citation_style: apa`, one post overrides it with `ieee`.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { section, text } from "../support/html.ts";

let styled: string;
let siteStyle: string;
let plain: string;
beforeAll(async () => {
  await publishSite("citations");
  const page = async (p: string) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    return res.text();
  };
  styled = await page("/blog/2024/styled/");
  siteStyle = await page("/blog/2024/site-style/");
  plain = await page("/blog/2024/plain/");
});

const allIds = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const references = (html: string) => section(html, '<ol class="references">', "</ol>");

describe("citation styles (CSL, formatted at build time)", () => {
  it("front-matter `citation_style: ieee` formats the references, numbered in first-citation order", () => {
    const refs = references(styled);
    expect([...refs.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1])).toEqual(["ref-okafor2021", "ref-sato2023", "ref-web2020"]);
    expect(text(refs)).toContain("C. Okafor, Å. Lindqvist, et al., “Sparse Attention for Long Documents,” Journal of Example Research, vol. 14, no. 3, pp. 101–138, Mar. 2021");
    expect(refs).toContain('<a href="https://doi.org/10.5555/jex.2021.1402">');
  });

  it("the site's `citation_style: apa` applies when the post names none", () => {
    expect(text(references(siteStyle))).toContain("Example Working Group. (2020). A Page With a Tilde");
  });

  it("a hover card shows the same formatted entry as the References list", () => {
    const card = section(styled, '<span class="hover-card" id="cite-card-1">', "</span></span>");
    const entry = section(references(styled), '<li id="ref-okafor2021">', "</li>").replace(/^<li[^>]*>|<\/li>$/g, "");
    expect(card).toContain(entry);
  });

  it("keeps `~` and `%20` of a `\\url{}` and links it", () => {
    expect(references(siteStyle)).toContain('href="https://example.org/~group/page%20one.html"');
  });
});

describe("citations everywhere", () => {
  it("numbers citations inside footnotes, tables and raw HTML blocks, each linked to its reference", () => {
    const body = section(styled, '<div class="post-body', '<section class="appendix"');
    expect(body).toContain('<a class="cite-link" href="#ref-sato2023" aria-describedby="cite-card-2">[2]</a>');
    expect(section(body, "<table>", "</table>")).toContain('href="#ref-web2020" aria-describedby="cite-card-3">[3]</a>');
    expect(section(body, '<div class="l-body">', "</div>")).toContain('[<a class="cite-link" href="#ref-okafor2021" aria-describedby="cite-card-4">1</a>, <a class="cite-link" href="#ref-sato2023" aria-describedby="cite-card-4">2</a>]');
  });

  it("gives every element of the page a unique id, a citation in a footnote (card and appendix) included", () => {
    const ids = allIds(styled);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(["cite-card-2", "cite-card-2-note"]));
  });
});

describe("a citable post", () => {
  it("`citation: true` adds a Citation section: the formatted citation and a BibTeX @article", () => {
    const appendix = section(styled, '<section class="appendix"', "</section>");
    expect(appendix).toContain('<h3 id="appendix-citation">Citation</h3>');
    expect(text(appendix)).toContain("Ada Example and Bo Sample (2024). A styled post: \"quotes\" & <angles>. Citation Notes. https://doi.org/10.5555/blog.2024.1");
    const bibtex = text(section(appendix, '<code id="citation-bibtex">', "</code>"));
    expect(bibtex).toBe('@article{example2024styled, title = {A styled post: "quotes" \\& <angles>}, author = {Ada Example and Bo Sample}, year = {2024}, url = {https://cite.example.org/blog/2024/styled/}, journal = {Citation Notes}, doi = {10.5555/blog.2024.1} }');
  });

  it("shows `license:` as Reuse", () => {
    expect(styled).toContain('<h3 id="appendix-reuse">Reuse</h3>\n<p class="reuse"><a href="https://creativecommons.org/licenses/by/4.0/">');
  });

  it("carries Google Scholar (Highwire Press) meta tags, one citation_reference per cited work", () => {
    const head = section(styled, "<head>", "</head>");
    expect(head).toContain('<meta name="citation_title" content="A styled post: &quot;quotes&quot; &amp; &lt;angles&gt;">');
    expect([...head.matchAll(/<meta name="citation_author" content="([^"]*)">/g)].map((m) => m[1])).toEqual(["Ada Example", "Bo Sample"]);
    expect(head).toContain('<meta name="citation_publication_date" content="2024/03/01">');
    expect(head).toContain('<meta name="citation_journal_title" content="Citation Notes">');
    expect(head).toContain('<meta name="citation_fulltext_html_url" content="https://cite.example.org/blog/2024/styled/">');
    expect(head).toContain('<meta name="citation_doi" content="10.5555/blog.2024.1">');
    const refs = [...head.matchAll(/<meta name="citation_reference" content="([^"]*)">/g)].map((m) => m[1]);
    expect(refs).toHaveLength(3);
    expect(refs[0]).toBe("citation_title=Sparse Attention for Long Documents;citation_author=Chidi Okafor;citation_author=Åsa Lindqvist;citation_publication_date=2021;citation_journal_title=Journal of Example Research;citation_volume=14;citation_issue=3;citation_firstpage=101;citation_lastpage=138;citation_doi=10.5555/jex.2021.1402");
  });

  it("a post without `citation:` has Scholar tags (the site's author) but no Citation section", () => {
    expect(plain).toContain('<meta name="citation_author" content="Ada Example">');
    expect(plain).not.toContain("appendix-citation");
    expect(plain).not.toContain("citation_reference");
  });
});

describe("the build", () => {
  it("warns at file:line about errors in entries no post cites, and publishes", () => {
    const site = inject("sites")["citations"]!;
    expect(site.bundle).not.toBeNull();
    expect(site.problems.map((p) => `${p.file.replace(/^.*\//, "")}:${p.line} ${p.severity}`)).toEqual(["refs.bib:30 warning", "refs.bib:37 warning"]);
  });
});
