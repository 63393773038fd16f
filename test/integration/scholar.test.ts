/**
 * jekyll-scholar tags in `layout: post` posts and citations inside Liquid
 * output (captions, details), through the real worker with KV filled by the
 * real build (test/fixtures/sites/scholar: the site-wide bibliography at
 * content/_bibliography/papers.bib, as al-folio keeps it).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { section, text } from "../support/html.ts";

let scholar: string;
let caption: string;
beforeAll(async () => {
  await publishSite("scholar");
  const page = async (p: string) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    return res.text();
  };
  scholar = await page("/blog/2024/scholar/");
  caption = await page("/blog/2024/caption/");
});

const allIds = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe("jekyll-scholar tags (site-wide _bibliography/papers.bib, APA)", () => {
  it("`{% cite %}` prints an in-text citation linked to the entry", () => {
    expect(scholar).toContain('Simple <a class="citation" href="#ref-noether1921">(Noether &amp; Schmidt, 1921)</a>, multiple <a class="citation" href="#ref-curie1903">(Curie, 1903; Noether &amp; Schmidt, 1921)</a>');
  });

  it("`{% reference %}` prints the full reference inline", () => {
    expect(scholar).toContain('long <span class="reference">Lovelace, A. (1843). <i>Notes on the Analytical Engine</i>.</span>.');
  });

  it("`{% quote %}` keeps its body Markdown and cites its source", () => {
    const quote = section(scholar, '<blockquote class="scholar-quote">', "</blockquote>");
    expect(quote).toContain("<p>Quoted text, <em>with emphasis</em>.</p>");
    expect(quote).toContain("<p>A second paragraph.</p>");
    expect(quote).toContain('<cite><a class="citation" href="#ref-curie1903">(Curie, 1903)</a></cite>');
  });

  it("`{% bibliography --cited %}` lists the cited works in citation order, each a link target", () => {
    const list = section(scholar, '<ol class="bibliography">', "</ol>");
    expect([...list.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1])).toEqual(["ref-noether1921", "ref-curie1903"]);
    expect(text(list)).toContain("Curie, M. (1903). Radioactive Substances. Chemical News.");
  });

  it("`related_publications: true` lists the cited publications at the end, without repeating ids", () => {
    const related = section(scholar, '<h2 id="related-publications">', "</div>");
    expect(text(related)).toContain("Noether, E., & Schmidt, O. (1921). Ideal Theory in Rings. Example Press. Curie, M. (1903).");
    const ids = allIds(scholar);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("works cited with `{% cite %}`/`{% quote %}` are Highwire citation_reference tags, in citation order (a book names its publisher, not a journal)", () => {
    const head = section(scholar, "<head>", "</head>");
    const refs = [...head.matchAll(/<meta name="citation_reference" content="([^"]*)">/g)].map((m) => m[1]);
    expect(refs).toEqual([
      "citation_title=Ideal Theory in Rings;citation_author=Emmy Noether;citation_author=Otto Schmidt;citation_publication_date=1921;citation_publisher=Example Press",
      "citation_title=Radioactive Substances;citation_author=Marie Curie;citation_publication_date=1903;citation_journal_title=Chemical News",
    ]);
  });

  it("an error in an uncited entry of papers.bib is a warning at its line", () => {
    const problems = inject("sites")["scholar"]!.problems.filter((p) => p.file.endsWith("papers.bib"));
    expect(problems.map((p) => `${p.line} ${p.severity}`)).toEqual(["29 warning"]);
  });
});

describe("citations inside Liquid output", () => {
  it("a `<d-cite>` in a figure caption is numbered in document order and linked; alt stays plain text", () => {
    const figure = section(caption, "<figure", "</figure>");
    expect(figure).toContain('<a class="cite-link" href="#ref-okafor2021" aria-describedby="cite-card-2">[2]</a>');
    expect(figure).toContain("<em>emphasis</em>");
    expect(figure).toContain('alt="a dot"');
  });

  it("citations in a details summary and body are numbered and linked", () => {
    const details = section(caption, "<details>", "</details>");
    expect(details).toContain('href="#ref-web2020"');
    expect(details).toContain('href="#ref-okafor2021" aria-describedby="cite-card-4">[2]</a>');
    const ids = allIds(caption);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
