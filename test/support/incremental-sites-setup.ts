/** Global setup: builds the bundles of incremental-sites.ts with the real build. */
import type { TestProject } from "vitest/node";
import { FIXTURE_NOW } from "./global-setup.ts";
import { buildMemo, buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";
import { INCREMENTAL_POSTS, pagePatch, patchedBundle, type IncrementalSites } from "./incremental-sites.ts";
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { FileStamps } from "../../scripts/lib/file-stamps.ts";
import { BuildCache, cacheEpochInputs } from "../../scripts/lib/build-cache.ts";

async function bundleOf(source: ContentSource) {
  const result = await buildSite(source, { now: FIXTURE_NOW });
  if (!result.bundle) throw new Error(`generated site does not build: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.bundle;
}

/** `source` with the text of its post `index` changed by `edit`. */
function edited(source: ContentSource, index: number, edit: (text: string) => string): ContentSource {
  return { ...source, posts: source.posts.map((p, i) => (i === index ? { ...p, text: edit(p.text) } : p)) };
}

const EDITED_SENTENCE = "This sentence was added by one edit of the author.";
const bodyEdit = (t: string) => t.replace("## Results\n", `## Results\n\n${EDITED_SENTENCE}\n`);

/** Build `content` as `npm run build` does (stamps and cache under `cacheDir`), counting the post files read. */
async function cliBuild(content: string, cacheDir: string) {
  let postsRead = 0;
  const stamps = await FileStamps.open(content, cacheDir);
  const loaded = await loadContent(content, { stamps, readPost: (p) => (postsRead++, readFileSync(p, "utf8")) });
  const cache = await BuildCache.open(content, cacheEpochInputs(loaded.source), cacheDir);
  const result = await buildSite(loaded.source, { now: FIXTURE_NOW, cache });
  await Promise.all([stamps.save(), cache.save()]);
  if (!result.bundle) throw new Error(`generated site does not build from disk: ${result.problems.map((p) => p.message).join("; ")}`);
  return { bundle: result.bundle, postsRead, rendered: cache.stats.misses };
}

/**
 * `source` with the file names its posts get in `content` (as the build shows them: relative to
 * the working directory), so that the sites built in memory and from disk store the same pages:
 * the test runtime receives each distinct text once, and its provided context has a size limit.
 */
function locatedIn(source: ContentSource, content: string): ContentSource {
  const display = (file: string) => relative(process.cwd(), join(content, file.slice("content/".length))).split(sep).join("/");
  return { ...source, ...(source.site ? { site: { ...source.site, file: display(source.site.file) } } : {}), posts: source.posts.map((p) => ({ ...p, file: display(p.file) })) };
}

/** The generated site on disk under `dir`, built, edited, built again (see IncrementalSites.disk). */
async function diskSites(source: ContentSource, newest: number, dir: string): Promise<IncrementalSites["disk"]> {
  const content = join(dir, "content");
  await mkdir(join(content, "posts"), { recursive: true });
  await writeFile(join(content, "site.yml"), source.site!.text);
  // Saved an hour ago, as an author's files are: older than the stamps (file-stamps.ts trusts no stamp taken within 2 s of a save).
  const hourAgo = new Date(Date.now() - 3_600_000);
  const paths = source.posts.map((p) => join(content, "posts", p.file.slice(p.file.lastIndexOf("/") + 1)));
  for (const [i, path] of paths.entries()) {
    await writeFile(path, source.posts[i]!.text);
    await utimes(path, hourAgo, hourAgo);
  }
  const base = await cliBuild(content, join(dir, "cache"));
  // A dev session that built the folder as it was.
  const stamps = FileStamps.memory();
  const memo = buildMemo();
  let cache: BuildCache | undefined;
  const devBuild = async () => {
    const loaded = await loadContent(content, { stamps });
    cache = await BuildCache.open(content, cacheEpochInputs(loaded.source), join(dir, "cache"), cache);
    return (await buildSite(loaded.source, { now: FIXTURE_NOW, cache, memo })).bundle!;
  };
  await devBuild();
  await writeFile(paths[newest]!, bodyEdit(await readFile(paths[newest]!, "utf8")));
  const edit = await cliBuild(content, join(dir, "cache"));
  const session = await devBuild();
  const full = await buildSite((await loadContent(content)).source, { now: FIXTURE_NOW });
  return { base: base.bundle, edit: edit.bundle, full: full.bundle!, postsRead: edit.postsRead, rendered: edit.rendered, session };
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "edgefolio-incremental-"));
  try {
    project.provide("incrementalSites", await incrementalSites(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function incrementalSites(dir: string): Promise<IncrementalSites> {
  const source = locatedIn(generatedSite(INCREMENTAL_POSTS), join(dir, "content"));
  const newest = INCREMENTAL_POSTS - 1;
  const small = generatedSite(30);
  const base = await bundleOf(source);
  const titleEdit = await bundleOf(edited(source, newest, (t) => t.replace(`title: Post number ${newest}`, `title: Post number ${newest}, revised`)));
  const titlePatch = pagePatch(base, titleEdit);
  if (JSON.stringify(await patchedBundle(base, titlePatch)) !== JSON.stringify(titleEdit)) throw new Error("the title edit's page patch does not make the bundle the build made");
  const sites: IncrementalSites = {
    base,
    bodyEdit: await bundleOf(edited(source, newest, bodyEdit)),
    titleEdit: titlePatch,
    editedPath: `/blog/2000/post-${newest}/`,
    editedSentence: EDITED_SENTENCE,
    disk: await diskSites(source, newest, dir),
    small: { base: await bundleOf(small), bodyEdit: await bundleOf(edited(small, 29, bodyEdit)), editedPath: "/blog/2000/post-29/" },
  };
  return sites;
}
