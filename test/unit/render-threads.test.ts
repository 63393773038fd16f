/**
 * Rendering posts on render threads (scripts/lib/render-pool.ts): a build
 * whose posts are rendered on several threads is the in-process build, byte
 * for byte (bundle, problems with their locations, build cache); a post whose
 * step throws on a render thread is a located error; small work starts no thread.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, type BuildResult, type ContentSource } from "../../scripts/lib/build-site.ts";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { BuildCache, cacheEpochInputs } from "../../scripts/lib/build-cache.ts";
import { closeRenderThreads, renderThreadsStarted, renderedOnThreads, warmRenderThreads } from "../../scripts/lib/render-pool.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";
import { SITES_DIR, fixtureSiteNames } from "../support/fixture-sites.ts";
import { externalSites } from "../support/external-sites.ts";

const NOW = new Date("2026-11-29T12:00:00Z");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-threads-"));
  // Loaded before the first comparison: else the build's thread may render a small site alone.
  await warmRenderThreads(3);
}, 60_000);
afterAll(async () => {
  await closeRenderThreads();
  await rm(dir, { recursive: true, force: true });
});

/** What a build gives, as one text: every bundle entry and every problem with its location, in order. */
const asText = (r: BuildResult): string => JSON.stringify({ bundle: r.bundle, problems: r.problems, published: r.published });

/** The same source, built in process and on three threads (the pool forced on, however few the posts). */
async function bothWays(source: ContentSource): Promise<[string, string]> {
  // Liquid's `site.time` is the build's clock: pinned so two builds can be compared.
  const one = await buildSite(source, { now: NOW, threads: 1 });
  const three = await buildSite(source, { now: NOW, threads: 3 });
  return [asText(one), asText(three)];
}

/** Posts whose front matter, body and citations fail in different ways, between good ones and ones that ask about other files. */
function siteWithErrors(): ContentSource {
  const source = generatedSite(80);
  const asking = (i: number) => `---\ntitle: Asking ${i}\n---\n{% include figure.liquid path="assets/img/a.png" %}\n\nSee [post 3]({% post_url 2000-01-01-post-3 %}) and ![b](/assets/img/b.png).\n`;
  const bad: Record<number, string> = {
    5: "---\ntitle: No date\ndate: not-a-date\n---\nBody <d-cite key=\"nobody\"></d-cite>\n",
    17: "---\ntitle: [unclosed\n---\nbody\n",
    40: "---\ntitle: Liquid\n---\n{% include missing.liquid %}\n\n{% if %}\n",
    41: "no front matter at all\n",
    60: asking(60),
    75: asking(75),
  };
  return {
    ...source,
    posts: source.posts.map((p, i) => (bad[i] ? { ...p, text: bad[i]! } : p)),
    assets: ["assets/img/a.png", "assets/img/b.png"],
    imageSize: (path) => (path.endsWith("a.png") ? { width: 40, height: 30 } : undefined),
    readAsset: () => undefined,
  };
}

describe("render threads", () => {
  it("build every fixture site, the seed and the al-folio corpus exactly as one thread does", async () => {
    const sites = [...fixtureSiteNames().map((name) => join(SITES_DIR, name)), ...Object.values(externalSites())];
    const before = renderedOnThreads();
    for (const site of sites) {
      const { source } = await loadContent(site);
      const [one, three] = await bothWays(source);
      expect(three, site).toBe(one);
    }
    expect(Object.keys(externalSites()).length, "../shared is missing: the seed and corpus were not compared").toBeGreaterThan(0);
    // Render threads took the chunks first, so most posts were rendered there, not in this thread.
    expect(renderedOnThreads() - before).toBeGreaterThan(30);
  }, 240_000);

  it("build generated posts, errors and warnings included, exactly as one thread does", async () => {
    const [one, three] = await bothWays(siteWithErrors());
    expect(one).toContain("not-a-date");
    expect(three).toBe(one);
  }, 120_000);

  it("fill the build cache exactly as one thread does", async () => {
    const source = siteWithErrors();
    const saved: string[] = [];
    for (const threads of [1, 2]) {
      const cacheDir = join(dir, `cache-${threads}`);
      const cache = await BuildCache.open("content", cacheEpochInputs(source), cacheDir);
      await buildSite(source, { now: NOW, cache, threads });
      await cache.save();
      const [file] = await readdir(cacheDir);
      saved.push(await readFile(join(cacheDir, file!), "utf8"));
    }
    expect(saved[0]!.length).toBeGreaterThan(1000);
    expect(saved[1]).toBe(saved[0]);
  }, 120_000);

  it("turn a post whose step throws on a render thread into a located error", async () => {
    const source = generatedSite(20);
    const posts = source.posts.map((p, i) => (i === 7 ? { ...p, text: `${p.text}\n![a picture](/assets/img/cursed.png)\n` } : p));
    // Measuring that one picture throws: on a render thread, the question is asked of the build's thread.
    const throwing: ContentSource = {
      ...source,
      posts,
      assets: ["assets/img/cursed.png"],
      imageSize: (path) => {
        if (path.includes("cursed")) throw new Error("disk on fire");
        return undefined;
      },
    };
    const texts: string[] = [];
    for (const threads of [1, 2]) {
      const result = await buildSite(throwing, { now: NOW, threads });
      expect(result.bundle).toBeNull();
      // Line 9: the body's first line, where a post that does not render is reported.
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([{ file: posts[7]!.file, line: 9, col: 1, message: "the post does not render: disk on fire", severity: "error" }]);
      texts.push(asText(result));
    }
    expect(texts[1]).toBe(texts[0]);
  }, 60_000);

  it("render here the posts of a render thread that stops in the middle of a build", async () => {
    await warmRenderThreads(2);
    const source = generatedSite(400);
    const one = await buildSite(source, { now: NOW, threads: 1 });
    const before = renderedOnThreads();
    // By the time buildSite returns its promise, the thread holds its first two chunks: it is stopped with them.
    const building = buildSite(source, { now: NOW, threads: 2 });
    await closeRenderThreads();
    expect(asText(await building)).toBe(asText(one));
    expect(renderedOnThreads() - before).toBeLessThan(400);
  }, 120_000);

  it("start no render thread for a small build or a one-post edit", async () => {
    const before = renderThreadsStarted();
    await buildSite(generatedSite(20), { now: NOW });
    expect(renderThreadsStarted()).toBe(before);
    const source = generatedSite(300);
    const cache = await BuildCache.open("content", cacheEpochInputs(source), join(dir, "edit"));
    await buildSite(source, { now: NOW, cache });
    const started = renderThreadsStarted();
    const rendered = cache.stats.misses;
    const edited = { ...source, posts: source.posts.map((p, i) => (i === 9 ? { ...p, text: `${p.text}\nOne more sentence.\n` } : p)) };
    await buildSite(edited, { now: NOW, cache });
    expect(renderThreadsStarted()).toBe(started);
    expect(cache.stats.misses - rendered).toBe(1);
  }, 120_000);
});
