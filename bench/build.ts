/**
 * Build cost: the real build (validate, render every post, compute every page,
 * bundle) on generated sites of 1,000 and 10,000 posts, in this process, no
 * upload, posts rendered on all cores (render-pool.ts) and on one thread; the
 * render threads' start-up; and the worker bundle's size as wrangler deploys it.
 */
import { statSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSite } from "../scripts/lib/build-site.ts";
import { closeRenderThreads, defaultThreads, warmRenderThreads } from "../scripts/lib/render-pool.ts";
import { compileRenderWorker } from "../scripts/lib/render-pool-bundle.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { bundleWorker } from "./support/worker.ts";
import { writeSection, type Row } from "./support/report.ts";
import { hugoBuild, hugoVersion } from "./support/hugo.ts";

const rows: Row[] = [{ metric: "machine load at start (1-minute load average; above the core count, other jobs share the cores)", value: loadavg()[0]!.toFixed(2) }];
const now = new Date("2030-01-01");
const threads = defaultThreads(Infinity);

// Render threads: the script compiled (once per engine version; timed here into a scratch folder), then loaded.
const scratch = await mkdtemp(join(tmpdir(), "edgefolio-bench-thread-"));
const compileT = performance.now();
await compileRenderWorker(join(scratch, "thread.mjs"));
const compileMs = performance.now() - compileT;
await rm(scratch, { recursive: true, force: true });
const loadT = performance.now();
await warmRenderThreads(threads);
rows.push({ metric: "render threads: start-up", value: `${threads} threads in all (this one + ${threads - 1} started): loaded in ${(performance.now() - loadT).toFixed(0)} ms, while this thread renders; thread script compiled in ${compileMs.toFixed(0)} ms once per engine version` });

// Warm V8 once in every thread (as any long build is after its first posts), so 1,000 and 10,000 compare per post:
// a render thread's first ~200 posts cost ~0.4 s more CPU (cold JIT), measured under load.
const warmT = performance.now();
await buildSite(generatedSite(400), { now, threads });
await buildSite(generatedSite(100), { now, threads: 1 });
rows.push({ metric: "warm-up builds of 400 posts on all threads and 100 on one (cold V8)", value: `${(performance.now() - warmT).toFixed(0)} ms` });
for (const n of [1_000, 10_000]) {
  const source = generatedSite(n);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await buildSite(source, { now });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (!result.bundle) throw new Error("generated site did not build");
  const perPost = ms / n;
  rows.push({ metric: `build ${n.toLocaleString("en")} posts (no upload), ${threads} threads`, value: `${(ms / 1000).toFixed(2)} s = ${perPost.toFixed(3)} ms/post, ${result.bundle.pages} pages in ${result.bundle.blobs.length} blobs`, target: "≤ 0.5 ms/post", ok: perPost <= 0.5 });
  const t1 = performance.now();
  await buildSite(source, { now, threads: 1 });
  const oneMs = performance.now() - t1;
  rows.push({ metric: `same ${n.toLocaleString("en")} posts on one thread`, value: `${(oneMs / 1000).toFixed(2)} s; ${threads} threads ÷ one = ${(ms / oneMs).toFixed(2)}` });
  const hugo = hugoVersion();
  if (hugo) {
    const h = await hugoBuild(source);
    rows.push({ metric: `Hugo ${hugo}, same ${n.toLocaleString("en")} posts`, value: `${(h.wallMs / 1000).toFixed(2)} s; edgefolio ÷ Hugo = ${(ms / h.wallMs).toFixed(2)}`, target: "≤ 0.5", ok: ms / h.wallMs <= 0.5 });
    rows.push({ metric: `CPU time (user + system, all threads), ${n.toLocaleString("en")} posts: edgefolio / Hugo`, value: `${(cpuMs / 1000).toFixed(2)} s / ${(h.cpuMs / 1000).toFixed(2)} s = ${(cpuMs / h.cpuMs).toFixed(2)}` });
  } else rows.push({ metric: "Hugo comparison", value: "skipped: `hugo` not installed (apt-get install hugo)" });
}
await closeRenderThreads();

const script = bundleWorker();
const raw = statSync(script).size;
const gz = gzipSync(readFileSync(script)).length;
rows.push({ metric: "worker bundle (wrangler deploy --dry-run)", value: `${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip`, target: "well under 3 MB gzip (free plan)", ok: gz < 1024 * 1024 });

await writeSection(
  "build",
  "Build",
  "`npm run bench -- build`: `buildSite()` from scripts/lib/build-site.ts on generated posts (bench/support/generate-posts.ts, ~2 KB Markdown each), wall time in one Node process after warm-up builds (400 posts on all threads, 100 on one); posts rendered by the build's thread and render threads (scripts/lib/render-pool.ts, `os.availableParallelism()` threads in all, loaded before the timed builds: their start-up is its own row), and again on one thread; site pages and the bundle are made on the build's thread. Hugo: `hugo --quiet` on the same posts with minimal list/single layouts, files written to a temp dir (Hugo renders on all cores too; its wall time moves with the machine's load); CPU time counts every thread of the process; bundle size of `wrangler deploy --dry-run` output.",
  rows,
);
