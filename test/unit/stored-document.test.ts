/**
 * The build stores each post's rendered body in its page blob
 * (src/markdown/stored-document.ts) so the worker does not render Markdown
 * per request. The page assembled from the stored document must be the page
 * the worker renders from the body and fragments (what blobs of the previous
 * engine hold): same HTML, same Content-Security-Policy, for every post of
 * the fixture sites and of the real posts in ../shared when present.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { pageData } from "../../bench/support/bundle-pages.ts";
import { pageFrame } from "../../src/routes/page-views.ts";
import { withStoredDocument } from "../../src/routes/legacy-posts.ts";
import { layout } from "../../src/views/layout.ts";
import { contentSecurityPolicy } from "../../src/security/csp.ts";
import { isPageData } from "../../src/store/validate.ts";
import type { Live, PostPage } from "../../src/store/types.ts";
import { SITES_DIR } from "../support/fixture-sites.ts";
import { externalSites } from "../support/external-sites.ts";

const NOW = new Date("2026-11-29T12:00:00Z");
const SITES: [string, string][] = [
  ...["basic", "citations", "distill", "post-layout", "scholar", "science"].map((name): [string, string] => [name, join(SITES_DIR, name)]),
  ...Object.entries(externalSites()).filter(([name]) => name === "seed" || name === "corpus"),
];

async function render(page: PostPage, live: Live): Promise<{ html: string; csp: string }> {
  // As src/routes/pages.ts serves it: a blob without a stored document gets one first.
  const frame = pageFrame("post", await withStoredDocument("post", page), live, page.post.meta.path);
  return { html: layout(live, frame).toString(), csp: contentSecurityPolicy(frame.csp) };
}

describe.each(SITES)("%s: stored document", (_name, dir) => {
  it("every post page is the page rendered from its body, and the blob has no body to render", async () => {
    const built = await buildSite((await loadContent(dir)).source, { now: NOW });
    expect(built.bundle, built.problems.map((p) => p.message).join("\n")).not.toBeNull();
    const live: Live = { ...built.bundle!.manifest, previous: [] };
    const posts = built.published.filter((p) => !p.meta.redirect);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      const stored = pageData<PostPage>(built.bundle!, post.meta.path);
      expect(stored.doc, post.meta.path).toBeDefined();
      expect(stored.post.body, post.meta.path).toBeUndefined();
      expect(stored.post.fragments, post.meta.path).toBeUndefined();
      expect(isPageData("post", stored), post.meta.path).toBe(true);
      // The same page as a blob of the previous engine: body and fragments, no document.
      const legacy: PostPage = { ...stored, post: { ...stored.post, body: post.body, ...(post.fragments ? { fragments: post.fragments } : {}) } };
      delete legacy.doc;
      expect(isPageData("post", legacy), post.meta.path).toBe(true);
      expect(await render(stored, live), post.meta.path).toEqual(await render(legacy, live));
    }
  });
});

it("a post blob with neither a body nor a stored document is damaged", () => {
  const meta = { title: "t", date: "2024-01-01", tags: [], authors: [] };
  expect(isPageData("post", { post: { meta } })).toBe(false);
  expect(isPageData("post", { post: { meta }, doc: { html: 1 } })).toBe(false);
  expect(isPageData("post", { post: { meta }, doc: { html: "", footnotes: [], citations: [], headings: [] } })).toBe(true);
});
