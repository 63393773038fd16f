/**
 * Stat-based skipping (load-content.ts, file-stamps.ts): a post file whose
 * size and mtime are what the last load saw is not read again, a cached build
 * never reads it, and what such a build makes is what a full build makes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { FileStamps } from "../../scripts/lib/file-stamps.ts";
import { BuildCache, cacheEpochInputs } from "../../scripts/lib/build-cache.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
const HOUR_AGO = () => new Date(Date.now() - 3_600_000);
let dir: string;
let content: string;
let cacheDir: string;

const post = (n: number, extra = "") => `---
layout: post
title: Stamped post ${n}
date: 2024-03-0${n} 10:00:00
tags: notes
---

Body of post ${n}.${extra}
`;

/** Write `file` as an author's save an hour ago (older than any stamp this test takes, see RACY_MS in file-stamps.ts). */
async function saveAged(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await utimes(file, HOUR_AGO(), HOUR_AGO());
}

/** A loader that counts the post files it reads. */
function countingReader() {
  const reads: string[] = [];
  return { reads, readPost: (path: string) => (reads.push(path), readFileSync(path, "utf8")) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-stamps-"));
  content = join(dir, "content");
  cacheDir = join(dir, "cache");
  await mkdir(join(content, "posts"), { recursive: true });
  await writeFile(join(content, "site.yml"), "title: Stamps\nurl: https://stamps.example.org\n");
  for (const n of [1, 2, 3]) {
    await saveAged(join(content, "posts", `2024-03-0${n}-post-${n}.md`), post(n));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("stat-based skipping of unchanged post files", () => {
  it("reads each post once, then only the post whose stamp changed; a cached build reads none, and equals a full build", async () => {
    const stamps = await FileStamps.open(content, cacheDir);
    const first = countingReader();
    const loaded = await loadContent(content, { stamps, readPost: first.readPost });
    expect(first.reads).toHaveLength(3);
    const cache = await BuildCache.open(content, cacheEpochInputs(loaded.source), cacheDir);
    await buildSite(loaded.source, { now: NOW, cache });
    await cache.save();
    await stamps.save();

    // A new process: stamps and build cache from disk, nothing changed.
    const again = countingReader();
    const reloaded = await loadContent(content, { stamps: await FileStamps.open(content, cacheDir), readPost: again.readPost });
    const warm = await BuildCache.open(content, cacheEpochInputs(reloaded.source), cacheDir);
    const cached = await buildSite(reloaded.source, { now: NOW, cache: warm });
    expect(again.reads).toEqual([]);
    expect(warm.stats).toEqual({ hits: 3, misses: 0 });
    const full = await buildSite((await loadContent(content)).source, { now: NOW });
    expect(cached.bundle).toEqual(full.bundle);

    // An edit: that file alone is read, and the build is the full build of the edited folder.
    const edited = join(content, "posts", "2024-03-02-post-2.md");
    await saveAged(edited, post(2, " Edited."));
    const third = countingReader();
    const afterEdit = await loadContent(content, { stamps: await FileStamps.open(content, cacheDir), readPost: third.readPost });
    expect(third.reads).toEqual([edited]);
    const editCache = await BuildCache.open(content, cacheEpochInputs(afterEdit.source), cacheDir);
    const incremental = await buildSite(afterEdit.source, { now: NOW, cache: editCache });
    expect(editCache.stats).toEqual({ hits: 2, misses: 1 });
    const fullEdit = await buildSite((await loadContent(content)).source, { now: NOW });
    expect(incremental.bundle).toEqual(fullEdit.bundle);
    expect(JSON.stringify(incremental.bundle!.blobs)).toContain("Edited.");
  });

  it("a skipped post's text is read when asked for, and a copy with new text carries no stale hash", async () => {
    const stamps = FileStamps.memory();
    await loadContent(content, { stamps });
    const lazy = countingReader();
    const { source } = await loadContent(content, { stamps, readPost: lazy.readPost });
    expect(lazy.reads).toEqual([]);
    const [p] = source.posts;
    expect(p!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(p!.text).toBe(await readFile(join(content, "posts", "2024-03-01-post-1.md"), "utf8"));
    expect(lazy.reads).toHaveLength(1);
    expect({ ...p!, text: "changed" }.hash).toBeUndefined();
  });

  it("without stamps, or for a file saved just now (within the timestamp granularity), every file is read", async () => {
    const none = countingReader();
    await loadContent(content, { readPost: none.readPost });
    await loadContent(content, { readPost: none.readPost });
    expect(none.reads).toHaveLength(6);

    const fresh = join(content, "posts", "2024-03-03-post-3.md");
    await writeFile(fresh, post(3, " Saved twice in one tick."));
    const stamps = FileStamps.memory();
    await loadContent(content, { stamps });
    const racy = countingReader();
    await loadContent(content, { stamps, readPost: racy.readPost });
    expect(racy.reads).toEqual([fresh]);
  });

  it("forgets files that are gone", async () => {
    const stamps = await FileStamps.open(content, cacheDir);
    const gone = join(content, "posts", "2024-03-01-post-1.md");
    await loadContent(content, { stamps });
    await rm(gone);
    await loadContent(content, { stamps });
    await stamps.save();
    const file = (await readdir(cacheDir)).find((f) => f.startsWith("files-"))!;
    const saved = JSON.parse(await readFile(join(cacheDir, file), "utf8")) as Record<string, unknown>;
    expect(Object.keys(saved)).not.toContain(gone);
    expect(Object.keys(saved)).toHaveLength(2);
  });
});
