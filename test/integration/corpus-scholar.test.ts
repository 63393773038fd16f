/**
 * al-folio's own jekyll-scholar sample post (2023-07-12-post-bibliography.md)
 * with its site-wide _bibliography/papers.bib, from ../shared when present
 * (skipped otherwise, as the other real-post tests).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { section, text } from "../support/html.ts";

const site = inject("sites")["corpus-bibliography"];

describe.skipIf(!site)("al-folio's post with bibliography (../shared/corpus)", () => {
  let html: string;
  beforeAll(async () => {
    await publishSite("corpus-bibliography");
    const res = await get("/blog/2023/post-bibliography/");
    expect(res.status).toBe(200);
    html = await res.text();
  });

  it("builds without an error", () => {
    expect(site!.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("renders cite, reference and quote in APA, and nothing of Liquid is left", () => {
    const body = section(html, '<div class="post-body', "</article>");
    expect(body).toContain('simple citation like <a class="citation" href="#ref-einstein1950meaning">(Einstein &amp; Taub, 1950)</a>');
    expect(body).toContain('<a class="citation" href="#ref-einstein1950meaning">(Einstein, 1905; Einstein &amp; Taub, 1950)</a>');
    expect(text(body)).toContain("long references like Einstein, A. (1905). Un the movement of small particles");
    expect(section(body, '<blockquote class="scholar-quote">', "</blockquote>")).toContain("<cite>");
    expect(body).not.toMatch(/\{%|%\}/);
  });

  it("links the distill post with {% post_url %}, and lists the related publications (related_publications: true)", () => {
    expect(html).toContain('href="/blog/2021/distill/"');
    const related = section(html, '<h2 id="related-publications">', "</ol>");
    expect([...related.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1])).toEqual(["ref-einstein1950meaning", "ref-einstein1905movement", "ref-einstein1905electrodynamics"]);
  });
});
