/**
 * Build cost: the real build (validate, render every post, compute every page,
 * bundle) on generated sites of 1,000 and 10,000 posts, in this process, no
 * upload; and the worker bundle's size as wrangler deploys it.
 */
import { statSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { buildSite } from "../scripts/lib/build-site.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { bundleWorker } from "./support/worker.ts";
import { writeSection, type Row } from "./support/report.ts";
import { hugoBuild, hugoVersion } from "./support/hugo.ts";

const rows: Row[] = [];
// Warm V8 once (as any long build is after its first posts), so 1,000 and 10,000 compare per post.
const warmT = performance.now();
await buildSite(generatedSite(100), { now: new Date("2030-01-01") });
rows.push({ metric: "warm-up build of 100 posts (cold V8)", value: `${(performance.now() - warmT).toFixed(0)} ms` });
for (const n of [1_000, 10_000]) {
  const source = generatedSite(n);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await buildSite(source, { now: new Date("2030-01-01") });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (!result.bundle) throw new Error("generated site did not build");
  const perPost = ms / n;
  rows.push({ metric: `build ${n.toLocaleString("en")} posts (no upload)`, value: `${(ms / 1000).toFixed(2)} s = ${perPost.toFixed(3)} ms/post, ${result.bundle.blobs.length} pages`, target: "≤ 0.5 ms/post", ok: perPost <= 0.5 });
  const hugo = hugoVersion();
  if (hugo) {
    const h = await hugoBuild(source);
    rows.push({ metric: `Hugo ${hugo}, same ${n.toLocaleString("en")} posts`, value: `${(h.wallMs / 1000).toFixed(2)} s; edgefolio ÷ Hugo = ${(ms / h.wallMs).toFixed(2)}`, target: "≤ 0.5", ok: ms / h.wallMs <= 0.5 });
    rows.push({ metric: `CPU time (user + system, all threads), ${n.toLocaleString("en")} posts: edgefolio / Hugo`, value: `${(cpuMs / 1000).toFixed(2)} s / ${(h.cpuMs / 1000).toFixed(2)} s = ${(cpuMs / h.cpuMs).toFixed(2)}` });
  } else rows.push({ metric: "Hugo comparison", value: "skipped: `hugo` not installed (apt-get install hugo)" });
}

const script = bundleWorker();
const raw = statSync(script).size;
const gz = gzipSync(readFileSync(script)).length;
rows.push({ metric: "worker bundle (wrangler deploy --dry-run)", value: `${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip`, target: "well under 3 MB gzip (free plan)", ok: gz < 1024 * 1024 });

await writeSection(
  "build",
  "Build",
  "`npm run bench -- build`: `buildSite()` from scripts/lib/build-site.ts on generated posts (bench/support/generate-posts.ts, ~2 KB Markdown each), wall time in one Node process after a 100-post warm-up build; Hugo: `hugo --quiet` on the same posts with minimal list/single layouts, files written to a temp dir (Hugo renders on both cores, so its wall time moves with the machine's load more than ours; the CPU-time row compares the work done); bundle size of `wrangler deploy --dry-run` output.",
  rows,
);
