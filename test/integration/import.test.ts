/**
 * `npm run import` end to end: a Jekyll site in al-folio's layout, assembled
 * at test time from al-folio's sample posts plus our own `_config.yml`,
 * bibliography, blog page, draft and picture (test/support/jekyll-site.ts),
 * imported into a content folder, built by the real build with no edits and
 * served by the real worker. Skipped (reported as such) where ../shared is absent.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";
import { listedPosts } from "../support/page-parts.ts";
import { JEKYLL_SITE } from "../support/jekyll-site-data.ts";

const site = inject("sites")["imported"];
const report = inject("importReport");

describe.skipIf(!site)("a Jekyll site imported with npm run import", () => {
  beforeAll(async () => {
    await publishSite("imported");
  });

  it("imports every post, the draft, the assets and the bibliography, and builds without an error", () => {
    expect(report!.written).toBe(true);
    expect(report!.counts).toMatchObject({ posts: 31, drafts: 1, bibliography: 1 });
    expect(report!.notes.filter((n) => n.severity === "error")).toEqual([]);
    expect(site!.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reports what it left out, located in the Jekyll site, with the reason", () => {
    const said = report!.notes.map((n) => `${n.file.replace(/^.*edgefolio-jekyll-[^/]+\//, "")}:${n.line}: ${n.message}`);
    expect(said).toEqual([
      "_config.yml:12: `icon: ⚛️` is not a picture file: not mapped, the engine's favicon is used",
      "_config.yml:28: plugin `jekyll-email-protect` does not run: its `encode_email` filter is unknown: a post that uses it stops the build at file:line",
      "_config.yml:8: `footer_text` not mapped: it is HTML, and edgefolio's footer is plain text: write `footer:` in site.yml if you want one",
      "_config.yml:16: `navbar_fixed` not mapped: a feature of al-folio's own theme that edgefolio's layout does not have",
      "_drafts/unfinished-idea.md:6: `site.blog_name` is not in the imported site.yml: it renders empty",
      "assets/js/theme.js:0: Jekyll runs this file through Liquid (it has front matter): not imported",
      "assets/css/main.scss:0: 1 Sass file(s) not imported: edgefolio has its own stylesheet",
      "_pages:0: not imported: edgefolio serves the blog only (al-folio's about, publications, projects, CV pages are not imported)",
    ]);
    expect(report!.mapped).toContain("title: blank → title: Grace Tester (the owner's name, as al-folio shows it)");
  });

  it("serves posts at the permalink of _config.yml, under the site's title", async () => {
    const res = await get(JEKYLL_SITE.permalinkExample);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`| ${JEKYLL_SITE.title}</title>`);
    expect((await get("/blog/2023/post-bibliography/")).status).toBe(404);
  });

  it("cites from the imported _bibliography/papers.bib", async () => {
    const html = await (await get(JEKYLL_SITE.permalinkExample)).text();
    expect(html).toContain(JEKYLL_SITE.citedTitle);
    expect(html).toMatch(/<a [^>]*href="#[^"]*einstein1950meaning/);
  });

  it("keeps giscus from _config.yml and per_page from the blog page", async () => {
    const giscusPost = await (await get("/notes/2022/12/giscus-comments/")).text();
    expect(giscusPost).toContain(`data-repo="${JEKYLL_SITE.giscusRepo}"`);
    expect(listedPosts(await (await get("/blog/")).text())).toHaveLength(JEKYLL_SITE.perPage);
  });

  it("feeds use the url of _config.yml", async () => {
    const feed = await (await get("/feed.xml")).text();
    expect(feed).toContain(`${JEKYLL_SITE.url}/notes/`);
  });

  it("publishes assets as files, without the theme's Sass and Liquid files", () => {
    expect(site!.assets).toContain(JEKYLL_SITE.picture);
    expect(site!.assets).toContain("assets/bibliography/2018-12-22-distill.bib");
    expect(site!.assets.filter((a) => /^assets\/(css|js)\//.test(a))).toEqual([]);
  });

  it("the draft is imported unpublished: not listed, not served", async () => {
    const sitemap = await (await get("/sitemap.xml")).text();
    expect(sitemap).not.toContain("unfinished-idea");
    const blog = await (await get("/blog/tag/drafts/")).text();
    expect(blog).not.toContain(JEKYLL_SITE.draftTitle);
  });
});
