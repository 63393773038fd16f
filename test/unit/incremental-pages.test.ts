/**
 * Incremental site pages (site-pages.ts SitePagesMemo, bundle.ts BundleMemo):
 * the builds of one process (npm run dev) reuse the pages, JSON and hashes
 * of what an edit did not touch, and every bundle they make is the bundle a
 * fresh full build of the same content makes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuildCache, cacheEpochInputs } from "../../scripts/lib/build-cache.ts";
import { buildMemo, buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-memo-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One dev session: the build cache kept in memory and one memo, as run-build.ts keeps them. */
function session() {
  let cache: BuildCache | undefined;
  const memo = buildMemo();
  return {
    memo,
    async build(source: ContentSource) {
      cache = await BuildCache.open("content", cacheEpochInputs(source), dir, cache);
      const result = await buildSite(source, { now: NOW, cache, memo });
      return { bundle: result.bundle!, stats: { ...cache.stats } };
    },
  };
}

const full = async (source: ContentSource) => (await buildSite(source, { now: NOW })).bundle!;

const edit = (source: ContentSource, i: number, change: (t: string) => string): ContentSource => ({
  ...source,
  posts: source.posts.map((p, j) => (j === i ? { ...p, text: change(p.text) } : p)),
});

describe("the builds of one dev session", () => {
  const base = generatedSite(60);
  const steps: [string, (s: ContentSource) => ContentSource][] = [
    ["a body edit of the newest post", (s) => edit(s, 59, (t) => t.replace("## Results\n", "## Results\n\nOne new sentence.\n"))],
    ["a title edit (lists, neighbours, related posts, feeds)", (s) => edit(s, 30, (t) => t.replace("title: Post number 30", "title: Post number 30, renamed"))],
    ["a tag edit (related posts of many posts change)", (s) => edit(s, 12, (t) => t.replace(/^tags: .*$/m, "tags: brand-new ml"))],
    ["a post set to related_posts: false", (s) => edit(s, 40, (t) => t.replace("layout: post\n", "layout: post\nrelated_posts: false\n"))],
    ["a date edit (the post moves to the top of every list)", (s) => edit(s, 3, (t) => t.replace(/^date: .*$/m, "date: 2000-01-09 00:00:00"))],
    ["a post unpublished", (s) => edit(s, 20, (t) => t.replace("layout: post\n", "layout: post\npublished: false\n"))],
    ["a post deleted", (s) => ({ ...s, posts: s.posts.filter((_, j) => j !== 5) })],
    ["a post added", (s) => ({ ...s, posts: [...s.posts, { file: "content/posts/2000-01-02-late.md", text: "---\nlayout: post\ntitle: Late\ndate: 2000-01-02 05:30:00\ntags: ml\n---\n\nLate post.\n" }] })],
    ["nothing", (s) => s],
  ];

  it("each make exactly the bundle of a fresh full build", async () => {
    const dev = session();
    let source = base;
    expect((await dev.build(source)).bundle).toEqual(await full(source));
    for (const [what, step] of steps) {
      source = step(source);
      const { bundle } = await dev.build(source);
      expect(bundle, what).toEqual(await full(source));
    }
  });

  it("reuse the pages an edit does not change, with their JSON and hashes", async () => {
    const dev = session();
    await dev.build(base);
    const kept = (entries: Map<string, { page: unknown }>, before: Map<string, { page: unknown }>) => [...entries].filter(([path, entry]) => before.get(path)?.page === entry.page).map(([path]) => path);

    // A body edit: the post's summary reads the same, so only its own page is made anew.
    let posts = new Map(dev.memo.pages.postPages);
    let lists = new Map(dev.memo.pages.listPages);
    const bodyEdit = edit(base, 59, (t) => t.replace("## Results\n", "## Results\n\nOne new sentence.\n"));
    const { stats } = await dev.build(bodyEdit);
    expect(stats).toEqual({ hits: 59, misses: 1 });
    expect(kept(dev.memo.pages.postPages, posts)).toHaveLength(59);
    expect(kept(dev.memo.pages.postPages, posts)).not.toContain("/blog/2000/post-59/");
    expect(kept(dev.memo.pages.listPages, lists)).toHaveLength(lists.size);
    for (const { page } of dev.memo.pages.postPages.values()) expect(dev.memo.bundle.byData.has((page as { data: object }).data)).toBe(true);

    // A title edit: the pages and lists showing the title are made anew, the rest kept.
    posts = new Map(dev.memo.pages.postPages);
    lists = new Map(dev.memo.pages.listPages);
    await dev.build(edit(bodyEdit, 59, (t) => t.replace("title: Post number 59", "title: Post number 59, renamed")));
    const keptPosts = kept(dev.memo.pages.postPages, posts);
    expect(keptPosts.length).toBeGreaterThan(40);
    expect(keptPosts.length).toBeLessThan(59);
    const remadeLists = lists.size - kept(dev.memo.pages.listPages, lists).length;
    // Home, blog page 1, the first pages of its year, its two tags and its category.
    expect(remadeLists).toBeGreaterThan(0);
    expect(remadeLists).toBeLessThanOrEqual(6);
  });
});
