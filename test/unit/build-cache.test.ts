/**
 * The build cache (scripts/lib/build-cache.ts): an unchanged post is not
 * parsed or rendered again, and a build from the cache is the build a full
 * render makes; site.yml, a bibliography, an asset or the engine invalidate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuildCache, SHARDS, cacheEpochInputs } from "../../scripts/lib/build-cache.ts";
import { buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-cache-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A build of `source` through the cache in `dir` (opened, used, saved, as the CLI does). */
async function cachedBuild(source: ContentSource, cacheDir: string) {
  const cache = await BuildCache.open("content", cacheEpochInputs(source), cacheDir);
  const result = await buildSite(source, { now: NOW, cache });
  await cache.save();
  return { result, stats: cache.stats };
}

const editPost = (source: ContentSource, i: number, edit: (t: string) => string): ContentSource => ({
  ...source,
  posts: source.posts.map((p, j) => (j === i ? { ...p, text: edit(p.text) } : p)),
});

const withFigure = (source: ContentSource): ContentSource =>
  editPost(source, 2, (t) => `${t}\n{% include figure.liquid path="assets/img/late.png" alt="late" %}\n`);

describe("the build cache", () => {
  const base = generatedSite(40);

  it("renders each post once, then serves unchanged posts from the cache: the same bundle as a full build", async () => {
    const cacheDir = join(dir, "a");
    const first = await cachedBuild(base, cacheDir);
    expect(first.stats).toEqual({ hits: 0, misses: 40 });
    const second = await cachedBuild(base, cacheDir);
    expect(second.stats).toEqual({ hits: 40, misses: 0 });
    const full = await buildSite(base, { now: NOW });
    expect(second.result.bundle).toEqual({ ...full.bundle, manifest: { ...full.bundle!.manifest, builtAt: second.result.bundle!.manifest.builtAt } });
    expect(second.result.bundle!.manifest.version).toBe(full.bundle!.manifest.version);
  });

  it("an edited post is the only one rendered again, and the result equals a full build of the edited site", async () => {
    const cacheDir = join(dir, "b");
    await cachedBuild(base, cacheDir);
    const edited = editPost(base, 7, (t) => t.replace("## Results\n", "## Results\n\nA new sentence.\n"));
    const { result, stats } = await cachedBuild(edited, cacheDir);
    expect(stats).toEqual({ hits: 39, misses: 1 });
    const full = await buildSite(edited, { now: NOW });
    expect(result.bundle!.blobs).toEqual(full.bundle!.blobs);
    expect(result.bundle!.manifest.version).toBe(full.bundle!.manifest.version);
  });

  it("site.yml or a bibliography changing renders every post again", async () => {
    const cacheDir = join(dir, "c");
    await cachedBuild(base, cacheDir);
    const site = { ...base, site: { ...base.site!, text: `${base.site!.text}per_page: 7\n` } };
    expect((await cachedBuild(site, cacheDir)).stats.misses).toBe(40);
    const bib = { ...site, bibliographies: ["refs.bib"], bibliographyFiles: { "refs.bib": { file: "content/assets/bibliography/refs.bib", text: "@article{a, title={A}}\n" } } };
    expect((await cachedBuild(bib, cacheDir)).stats.misses).toBe(40);
    expect((await cachedBuild(bib, cacheDir)).stats.misses).toBe(0);
  });

  it("a post is rendered again when an asset it asked about appears", async () => {
    const cacheDir = join(dir, "d");
    const missing = withFigure(base);
    const before = await cachedBuild(missing, cacheDir);
    expect(before.result.problems.some((p) => p.severity === "error" && p.file.endsWith("post-2.md"))).toBe(true);
    const added = { ...missing, assets: ["assets/img/late.png"] };
    const after = await cachedBuild(added, cacheDir);
    expect(after.stats).toEqual({ hits: 39, misses: 1 });
    expect(after.result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("a post is rendered again when a picture it shows changes size, and its figure says the new size", async () => {
    const cacheDir = join(dir, "f");
    const sized = (width: number): ContentSource => ({
      ...withFigure(base),
      assets: ["assets/img/late.png"],
      imageSize: (p) => (p === "assets/img/late.png" ? { width, height: 100 } : undefined),
    });
    await cachedBuild(sized(300), cacheDir);
    expect((await cachedBuild(sized(300), cacheDir)).stats).toEqual({ hits: 40, misses: 0 });
    const resized = await cachedBuild(sized(640), cacheDir);
    expect(resized.stats).toEqual({ hits: 39, misses: 1 });
    const post = resized.result.published.find((p) => p.sourceFile.endsWith("post-2.md"))!;
    expect(Object.values(post.fragments ?? {}).join("")).toContain('width="640"');
  });

  it("the site-wide bibliography of jekyll-scholar tags changing renders every post again", async () => {
    const cacheDir = join(dir, "g");
    const papers = (title: string): ContentSource => ({ ...base, siteBibliography: { file: "content/_bibliography/papers.bib", text: `@article{p, title={${title}}, year={2020}}\n` } });
    await cachedBuild(papers("One"), cacheDir);
    expect((await cachedBuild(papers("One"), cacheDir)).stats.misses).toBe(0);
    expect((await cachedBuild(papers("Two"), cacheDir)).stats.misses).toBe(40);
  });

  it("warnings across posts (tags sharing an archive) are the same when the posts come from the cache", async () => {
    const cacheDir = join(dir, "h");
    const clash = editPost(editPost(base, 3, (t) => t.replace(/^tags: .*$/m, "tags: C++")), 5, (t) => t.replace(/^tags: .*$/m, 'tags: [ml, "c plus plus"]'));
    const first = await cachedBuild(clash, cacheDir);
    const second = await cachedBuild(clash, cacheDir);
    expect(second.stats.misses).toBe(0);
    const shares = second.result.problems.filter((p) => p.message.includes("shares the archive"));
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ file: expect.stringMatching(/post-5\.md$/), line: expect.any(Number) });
    expect(shares[0]!.line).toBeGreaterThan(1);
    expect(second.result.problems).toEqual(first.result.problems);
    expect(second.result.problems).toEqual((await buildSite(clash, { now: NOW })).problems);
  });

  it("a long-running process reuses its cache in memory while the epoch holds, and drops it when it changes", async () => {
    const cacheDir = join(dir, "i");
    const first = await BuildCache.open("content", cacheEpochInputs(base), cacheDir);
    await buildSite(base, { now: NOW, cache: first });
    expect(first.stats).toEqual({ hits: 0, misses: 40 });
    // Nothing saved: the second build is warm from memory alone.
    const second = await BuildCache.open("content", cacheEpochInputs(base), cacheDir, first);
    expect(second).toBe(first);
    await buildSite(base, { now: NOW, cache: second });
    expect(second.stats).toEqual({ hits: 40, misses: 0 });
    const site = { ...base, site: { ...base.site!, text: `${base.site!.text}per_page: 9\n` } };
    const third = await BuildCache.open("content", cacheEpochInputs(site), cacheDir, second);
    expect(third).not.toBe(second);
    await buildSite(site, { now: NOW, cache: third });
    expect(third.stats.misses).toBe(40);
  });

  it("a cache written by other engine code is not used", async () => {
    const cacheDir = join(dir, "e");
    await cachedBuild(base, cacheDir);
    const files = await readdir(cacheDir);
    expect(files).toHaveLength(SHARDS);
    for (const file of files) {
      const path = join(cacheDir, file);
      const data = JSON.parse(await readFile(path, "utf8")) as { epoch: string };
      await writeFile(path, JSON.stringify({ ...data, epoch: "an older engine" }));
    }
    expect((await cachedBuild(base, cacheDir)).stats.misses).toBe(40);
    // A damaged cache is no cache, not a failed build.
    for (const file of files) await writeFile(join(cacheDir, file), "{ not json");
    expect((await cachedBuild(base, cacheDir)).stats.misses).toBe(40);
  });

  it("an edit rewrites only the shard file of the edited post", async () => {
    const cacheDir = join(dir, "j");
    await cachedBuild(base, cacheDir);
    const texts = async () => new Map(await Promise.all((await readdir(cacheDir)).map(async (f): Promise<[string, string]> => [f, await readFile(join(cacheDir, f), "utf8")])));
    const before = await texts();
    await cachedBuild(editPost(base, 11, (t) => `${t}\nOne more line.\n`), cacheDir);
    const after = await texts();
    const changed = [...after].filter(([f, text]) => before.get(f) !== text).map(([f]) => f);
    expect(changed).toHaveLength(1);
    expect(after.get(changed[0]!)).toContain("One more line.");
  });

  it("a truncated or damaged shard costs only its posts a render, and the build equals a full one", async () => {
    const cacheDir = join(dir, "k");
    await cachedBuild(base, cacheDir);
    const files = (await readdir(cacheDir)).sort();
    const sizes = await Promise.all(files.map(async (f) => (await readFile(join(cacheDir, f), "utf8")).length));
    // The two biggest shards: one cut in half (a write interrupted), one holding a wrong shape.
    const [cut, odd] = files.map((f, i) => [f, sizes[i]!] as const).sort((a, b) => b[1] - a[1]).map(([f]) => f);
    const cutText = await readFile(join(cacheDir, cut!), "utf8");
    const entries = (text: string) => Object.keys((JSON.parse(text) as { entries: object }).entries).length;
    const lost = entries(cutText) + entries(await readFile(join(cacheDir, odd!), "utf8"));
    expect(lost).toBeGreaterThan(0);
    await writeFile(join(cacheDir, cut!), cutText.slice(0, cutText.length >> 1));
    await writeFile(join(cacheDir, odd!), JSON.stringify({ epoch: JSON.parse(cutText).epoch, entries: null, bibliographies: {} }));
    const { result, stats } = await cachedBuild(base, cacheDir);
    expect(stats).toEqual({ hits: 40 - lost, misses: lost });
    const full = await buildSite(base, { now: NOW });
    expect(result.bundle!.blobs).toEqual(full.bundle!.blobs);
    expect(result.bundle!.manifest.version).toBe(full.bundle!.manifest.version);
    expect((await cachedBuild(base, cacheDir)).stats).toEqual({ hits: 40, misses: 0 });
  });
});
