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

const rows: Row[] = [];
for (const n of [1_000, 10_000]) {
  const source = generatedSite(n);
  const t0 = performance.now();
  const result = await buildSite(source, { now: new Date("2030-01-01") });
  const ms = performance.now() - t0;
  if (!result.bundle) throw new Error("generated site did not build");
  const perPost = ms / n;
  rows.push({ metric: `build ${n.toLocaleString("en")} posts (no upload)`, value: `${(ms / 1000).toFixed(2)} s = ${perPost.toFixed(3)} ms/post, ${result.bundle.blobs.length} pages`, target: "≤ 0.5 ms/post", ok: perPost <= 0.5 });
}

const script = bundleWorker();
const raw = statSync(script).size;
const gz = gzipSync(readFileSync(script)).length;
rows.push({ metric: "worker bundle (wrangler deploy --dry-run)", value: `${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip`, target: "well under 3 MB gzip (free plan)", ok: gz < 1024 * 1024 });

await writeSection(
  "build",
  "Build",
  "`npm run bench -- build`: `buildSite()` from scripts/lib/build-site.ts on generated posts (bench/support/generate-posts.ts, ~2 KB Markdown each), wall time in one Node process; bundle size of `wrangler deploy --dry-run` output.",
  rows,
);
