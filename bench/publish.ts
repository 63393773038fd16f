/**
 * `npm run bench -- publish`: publishing to local KV as an author does, on the
 * generated 10,000-post site written to disk and on the showcase (content/).
 * Full publish: empty KV, no build cache (every post rendered, every key
 * written). One-post edit: one sentence of the newest post changed on disk,
 * then the same build (build cache warm) and publish. Timed in this process
 * (`runBuild`, what `npm run build` runs after tsx starts), and through the
 * CLI as a whole fresh process (`npm run build`, npm's start-up included), median of three.
 */
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { runBuild, type BuildCliOptions } from "../scripts/lib/run-build.ts";
import { bindingTarget, type KvTarget, type PublishReport } from "../scripts/lib/publish.ts";
import { openLocalKv } from "../scripts/lib/kv-local.ts";
import type { KvEntry } from "../src/store/bundle.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { writeSection, type Row } from "./support/report.ts";

process.env["WRANGLER_SEND_METRICS"] = "false";
const rows: Row[] = [];
const work = await mkdtemp(join(tmpdir(), "edgefolio-bench-publish-"));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// The machine is shared: say how loaded it was, so a figure is read against it.
const loadAtStart = loadavg()[0]!;

async function timedBuild(content: string, state: string, extra: Partial<BuildCliOptions> = {}): Promise<{ ms: number; report: PublishReport }> {
  let report: PublishReport | undefined;
  const log = console.log;
  console.log = () => {};
  const t = performance.now();
  try {
    const code = await runBuild({ content, remote: false, dryRun: false, drafts: false, rollback: false, persistTo: state, publicDir: join(state, "public"), onPublished: (r) => (report = r), ...extra });
    if (code !== 0 || !report) throw new Error(`build of ${content} failed`);
  } finally {
    console.log = log;
  }
  return { ms: performance.now() - t, report };
}

/** ms of a `--dry-run` build of `content` without the build cache: load, validate, render, bundle; no KV. */
async function timedDryRun(content: string, state: string): Promise<number> {
  const log = console.log;
  console.log = () => {};
  const t = performance.now();
  try {
    const code = await runBuild({ content, remote: false, dryRun: true, drafts: false, rollback: false, persistTo: state, publicDir: join(state, "public"), noCache: true });
    if (code !== 0) throw new Error(`dry run of ${content} failed`);
  } finally {
    console.log = log;
  }
  return performance.now() - t;
}

async function editNewest(content: string, file: string, n: number): Promise<void> {
  const path = join(content, "posts", file);
  const text = await readFile(path, "utf8");
  await writeFile(path, text.replace(/\n## Results\n/, `\n## Results\n\nEdit number ${n} of this post.\n`));
}

/** ms per key to write `entries` into an empty local KV through `open`'s target, and back the first 500 by reading. */
async function kvWriteMs(open: (dir: string) => Promise<{ target: KvTarget; dispose: () => Promise<void> }>, entries: KvEntry[]): Promise<number> {
  const kv = await open(join(work, `kv-${Math.random().toString(36).slice(2)}`));
  try {
    const t = performance.now();
    await kv.target.putMany(entries);
    const ms = (performance.now() - t) / entries.length;
    const back = await kv.target.getMany!(entries.slice(0, 500).map((e) => e.key));
    if (back.some((v, i) => v !== entries[i]!.value)) throw new Error("local KV did not read back what was written");
    return ms;
  } finally {
    await kv.dispose();
  }
}

try {
  // The write path alone, side by side in this run (the machine's load moves both alike):
  // wrangler's platform proxy (one round trip per key, 32 in flight; what publishing used
  // before) and our batching worker (scripts/lib/kv-local.ts). 2 KB values, as post pages.
  const sample = Array.from({ length: 2000 }, (_, i) => ({ key: `b/${i.toString(16).padStart(16, "0")}`, value: `<p>${"x".repeat(2000)} ${i}</p>` }));
  const viaProxy = async (dir: string) => {
    const proxy = await getPlatformProxy<{ CONTENT: KVNamespace }>({ configPath: "wrangler.toml", persist: { path: join(dir, "v3") } });
    return { target: bindingTarget(proxy.env.CONTENT), dispose: () => proxy.dispose() };
  };
  const proxyMs = await kvWriteMs(viaProxy, sample);
  const batchMs = await kvWriteMs(openLocalKv, sample);
  rows.push({ metric: "local KV writes alone, 2,000 keys of 2 KB: platform proxy (before) / batching worker (now)", value: `${proxyMs.toFixed(2)} / ${batchMs.toFixed(2)} ms per key (${(proxyMs / batchMs).toFixed(1)}× faster)` });

  // The generated site, on disk.
  const posts = 10_000;
  const site = generatedSite(posts);
  const content = join(work, "generated");
  await mkdir(join(content, "posts"), { recursive: true });
  await writeFile(join(content, "site.yml"), site.site!.text);
  for (const p of site.posts) await writeFile(join(content, "posts", p.file.split("/").pop()!), p.text);
  const newest = site.posts.at(-1)!.file.split("/").pop()!;
  const state = join(work, "state-generated");

  // The build alone on the same posts (dry run: everything but KV), so the load of the moment can be told from the writes.
  const dry = await timedDryRun(content, join(work, "state-dry"));
  const full = await timedBuild(content, state, { noCache: true });
  rows.push({ metric: `full publish, ${posts.toLocaleString("en")} posts, empty local KV, no build cache`, value: `${s(full.ms)}, ${full.report.written.toLocaleString("en")} keys written (pages packed, src/store/pack.ts)`, target: "≤ 10 s", ok: full.ms <= 10_000 });
  rows.push({ metric: "of which the build (the same run with `--dry-run`: no KV) / the KV writes and checks (the rest)", value: `${s(dry)} / ${s(full.ms - dry)}` });
  // Fill the build cache (nothing to publish: the same version).
  await timedBuild(content, state);
  await editNewest(content, newest, 1);
  const edit = await timedBuild(content, state);
  rows.push({ metric: "one-post edit (newest post, in every feed), build cache warm", value: `${s(edit.ms)}, ${edit.report.written} keys written (${edit.report.verified} reused keys checked)`, target: "≤ 1 s, ≤ 30 keys", ok: edit.ms <= 1000 && edit.report.written <= 30 });
  // A fresh process per edit, as an author runs it: the median of three (one process is at the mercy of the machine's load).
  const cli: { ms: number; keys: number }[] = [];
  for (let n = 2; n <= 4; n++) {
    await editNewest(content, newest, n);
    const t = performance.now();
    const out = execFileSync("npm", ["run", "-s", "build", "--", "--content", content, "--persist-to", state, "--public-dir", join(state, "public")], { encoding: "utf8" });
    cli.push({ ms: performance.now() - t, keys: Number(/(\d+) keys written/.exec(out)?.[1] ?? NaN) });
  }
  const cliEdit = cli.sort((a, b) => a.ms - b.ms)[1]!;
  rows.push({ metric: "one-post edit through `npm run build` (whole process, npm and tsx start-up included; median of 3 processes)", value: `${s(cliEdit.ms)}, ${cliEdit.keys} keys written (all 3: ${cli.map((c) => s(c.ms)).join(", ")})`, target: "≤ 1 s, ≤ 30 keys", ok: cliEdit.ms <= 1000 && cliEdit.keys <= 30 });

  // The showcase.
  const showcase = join(work, "showcase");
  await cp("content", showcase, { recursive: true });
  const showState = join(work, "state-showcase");
  const showFull = await timedBuild(showcase, showState, { noCache: true });
  await timedBuild(showcase, showState);
  const { readdir } = await import("node:fs/promises");
  const showPosts = (await readdir(join(showcase, "posts"))).filter((f) => f.endsWith(".md")).sort();
  const target = showPosts.at(-1)!;
  await writeFile(join(showcase, "posts", target), `${await readFile(join(showcase, "posts", target), "utf8")}\nOne more sentence.\n`);
  const showEdit = await timedBuild(showcase, showState);
  rows.push({ metric: `showcase (${showPosts.length} posts): full publish / one-post edit`, value: `${s(showFull.ms)} (${showFull.report.written} keys) / ${s(showEdit.ms)} (${showEdit.report.written} keys)` });
} finally {
  await rm(work, { recursive: true, force: true });
}

rows.push({ metric: "load average (1 minute) at the start / end of this run, 2 cores", value: `${loadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}` });

await writeSection(
  "publish",
  "Publish: full and incremental, local KV",
  "`npm run bench -- publish`: `runBuild()` (load, validate, render, bundle, publish to local KV through our Miniflare worker that takes batches of puts (scripts/lib/kv-local.ts), stage public/) on the generated posts written to disk, and on a copy of content/. Full: empty KV, `--no-cache`. Edit: one sentence added to the newest post (it is in every feed), build cache warm; in this process (module caches warm) and as a fresh `npm run build` process. Where a fresh edit process's time went in one run with timestamps (load average 6.7 on the 2 cores, 8.2 s in all): node, tsx and imports 1.5 s; stat of 10,000 posts and the rest of the content 0.5 s; the build cache's 32 shard files 1.1 s; the edited post 0.5 s; site pages 0.9 s; bundle (page JSON, hashes, packs) 1.2 s; publish 2.3 s, of which reading back the 128 sampled reused packs 1.1 s. Before the edit helper's changes the same process also imported wrangler (1-3 s, for wrangler.toml's namespace id), KaTeX, highlight.js and citation-js, hashed the client libraries, compared them byte for byte with public/, and rewrote the 58 MB cache file. Times on a 2-core machine shared with other jobs vary ±50 % run to run. The floor of a full publish's writes: Miniflare's KV storage (what `wrangler dev` reads) writes one blob file and one fsynced SQLite commit per key, one key at a time (strace; on tmpfs the same puts take a fifth of the time), so the keys cost that many disk syncs whatever the client batches: small pages are therefore packed, about 64 KB of one route shard's pages to a key (see \"Packs\"), 1.4 thousand keys for 10,000 posts where one per page made 13,093.",
  rows,
);
