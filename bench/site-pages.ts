/**
 * `npm run bench -- site-pages`: the home page, a tag archive and the feeds
 * on generated sites of 10 and 10,000 posts, in the same run. Each size is
 * built by the real build and published in full (every key) into workerd's
 * KV through Miniflare; the edge cache is off, so every request is a miss
 * that reads KV and renders: the cost the issue asks to keep flat.
 */
import { Miniflare } from "miniflare";
import { buildSite } from "../scripts/lib/build-site.ts";
import { bindingTarget, publish } from "../scripts/lib/publish.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { bundleWorker } from "./support/worker.ts";
import { percentiles } from "./support/load.ts";
import { writeSection, type Row } from "./support/report.ts";

const SIZES = [10, 10_000];
const PAGES: [string, string][] = [["home", "/"], ["tag archive", "/blog/tag/ml/"], ["RSS feed", "/feed.xml"], ["JSON feed", "/feed.json"]];
const WARM_UP = 20;
const SAMPLES = 300;

const ms = (x: number) => `${x.toFixed(2)} ms`;
const reads = (res: Response) => /reads=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1] ?? "?";

interface Measured { p50: number; p99: number; reads: string; bytes: number }
const results = new Map<string, Map<number, Measured>>(PAGES.map(([name]) => [name, new Map()]));
const setup: string[] = [];

for (const posts of SIZES) {
  const t0 = performance.now();
  const { bundle } = await buildSite(generatedSite(posts));
  if (!bundle) throw new Error(`generated site of ${posts} posts does not build`);
  const built = performance.now() - t0;
  const mf = new Miniflare({ modules: true, scriptPath: bundleWorker(), compatibilityDate: "2026-04-20", kvNamespaces: ["CONTENT"], cache: false, port: 0, host: "127.0.0.1" });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  const t1 = performance.now();
  await publish(bindingTarget((await mf.getKVNamespace("CONTENT")) as unknown as KVNamespace), bundle);
  setup.push(`${posts.toLocaleString("en")} posts: build ${(built / 1000).toFixed(1)} s, publish ${bundle.blobs.length + bundle.shards.length + bundle.versionEntries.length} keys ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  for (const [name, path] of PAGES) {
    const samples: number[] = [];
    let last: Measured | undefined;
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const t = performance.now();
      const res = await fetch(url + path);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} on ${posts} posts: ${res.status}`);
      if (i >= WARM_UP) samples.push(performance.now() - t);
      last = { p50: 0, p99: 0, reads: reads(res), bytes: body.byteLength };
    }
    const { p50, p99 } = percentiles(samples);
    results.get(name)!.set(posts, { ...last!, p50, p99 });
  }
  await mf.dispose();
}

const rows: Row[] = [];
for (const [name, path] of PAGES) {
  const bySize = results.get(name)!;
  const few = bySize.get(10)!;
  const many = bySize.get(10_000)!;
  const cell = (m: Measured) => `${ms(m.p50)} / ${ms(m.p99)}, ${m.reads} KV reads, ${(m.bytes / 1024).toFixed(1)} KB`;
  rows.push({ metric: `${name} \`${path}\`, 10 posts (p50 / p99)`, value: cell(few) });
  const ratio = many.p50 / few.p50;
  rows.push({
    metric: `${name} \`${path}\`, 10,000 posts (p50 / p99)`,
    value: `${cell(many)}; p50 ÷ 10-post p50 = ${ratio.toFixed(2)}`,
    target: "same KV reads as 10 posts",
    ok: many.reads === few.reads,
  });
}

await writeSection(
  "site-pages",
  "Site pages and feeds (issue 4)",
  `\`npm run bench -- site-pages\`: bench/support/generate-posts.ts sites of 10 and 10,000 posts, built by \`buildSite()\` and published in full by the build's publish protocol into the wrangler-bundled worker's KV (workerd via Miniflare, edge cache off so every request reads KV and renders). Sequential requests over loopback, ${WARM_UP} warm-up then ${SAMPLES} timed per page; wall time includes Miniflare's HTTP layer (compare rows with each other, not with production). KV reads from the worker's Server-Timing header. Setup: ${setup.join("; ")}.`,
  rows,
);
