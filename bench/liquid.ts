/**
 * Issue 10: what Liquid costs now that it is liquidjs at build time (the
 * worker never loads it). Build side, Node CPU: loading the engine, the
 * seed post's Liquid step (`prepareBody`) first and warm (p50/p99 of 300
 * after 30), and the whole per-post step (`renderPost`: Liquid + Markdown).
 * Worker side: the bundle wrangler makes (`--dry-run`), raw and gzip, with a
 * check that liquidjs is not in it.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { percentiles } from "./support/load.ts";
import { writeSection } from "./support/report.ts";
import { SEED_DIR } from "./support/seed-content.ts";

const seedFile = join(SEED_DIR, "2024-01-03-december-2023-in-ml.md");
const showcase = "content/posts";
const file = existsSync(seedFile) ? seedFile : join(showcase, execFileSync("ls", [showcase], { encoding: "utf8" }).split("\n").find((f) => f.endsWith(".md"))!);
const text = readFileSync(file, "utf8");
const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");

let t = performance.now();
const { prepareBody } = await import("../src/liquid/prepare.ts");
const { renderPost } = await import("../scripts/lib/render-post.ts");
const loadMs = performance.now() - t;
const opts = { assetExists: () => true };
t = performance.now();
prepareBody(body, opts);
const firstMs = performance.now() - t;
const time = (f: () => unknown) => {
  for (let i = 0; i < 30; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    f();
    xs.push(performance.now() - s);
  }
  return percentiles(xs);
};
const liquid = time(() => prepareBody(body, opts));
const whole = time(() => renderPost(body, opts));

const out = await mkdtemp(join(tmpdir(), "edgefolio-liquid-"));
execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out], { stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" } });
const worker = await readFile(join(out, "index.js"));
// liquidjs's own code (its name alone appears: the worker embeds package.json's dependency list).
const hasLiquid = worker.includes("renderTemplates") || worker.includes("readTopLevelTokens");
const ms = (n: number) => `${n.toFixed(2)} ms`;

await writeSection(
  "liquid",
  "Liquid at build time (issue 10)",
  `\`npm run bench -- liquid\` (bench/liquid.ts), on ${existsSync(seedFile) ? "the seed post" : file} (${(body.length / 1024).toFixed(1)} KiB body). Node CPU with performance.now: module load of liquidjs + our tags, the first \`prepareBody\` (Liquid → prepared body + fragments), then warm p50/p99 of 300 after 30, and the build's whole per-post step \`renderPost\` (Liquid + the worker's Markdown pipeline). Worker: \`wrangler deploy --dry-run\` bundle.`,
  [
    { metric: "liquidjs + tags module load (Node)", value: ms(loadMs) },
    { metric: "prepareBody, first call", value: ms(firstMs) },
    { metric: "prepareBody, warm (p50 / p99)", value: `${ms(liquid.p50)} / ${ms(liquid.p99)}` },
    { metric: "renderPost (Liquid + Markdown), warm (p50 / p99)", value: `${ms(whole.p50)} / ${ms(whole.p99)}` },
    { metric: "worker bundle (raw / gzip)", value: `${worker.length} B / ${gzipSync(worker).length} B`, target: "≤ 1 MB gzip", ok: gzipSync(worker).length <= 1_000_000 },
    { metric: "liquidjs in the worker bundle", value: hasLiquid ? "yes" : "no", target: "no", ok: !hasLiquid },
  ],
);
