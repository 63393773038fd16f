/**
 * Issue 3: what rendering the seed post costs on a cache miss. The build
 * stores the rendered body in the post's blob (src/markdown/stored-document.ts),
 * so a miss assembles the page (distill view, TOC, appendix) from it;
 * `renderMarkdown` is what the build pays per post, and what the worker pays
 * only for blobs of an earlier engine.
 *  - Node CPU (same V8 as workerd): `renderMarkdown` alone and the whole page
 *    (`pageFrame` + `layout`), warm (median of 500 after 50 warm-up runs) and
 *    first in a fresh process (median of 5 processes; this file re-runs itself
 *    with --child, with and without the worker's start-up warm-up);
 *  - workerd wall time through the wrangler-bundled worker (bench harness):
 *    first request of a fresh isolate, and warm misses with the cache off.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Live, PostPage } from "../src/store/types.ts";

type Timing = { ms: number };

/** Child mode: one fresh V8, time the first `markdown` render or the first whole `page`. */
async function child(pageFile: string, liveFile: string, what: string, warm: boolean): Promise<void> {
  const page = JSON.parse(await readFile(pageFile, "utf8")) as PostPage;
  const live = JSON.parse(await readFile(liveFile, "utf8")) as Live;
  const { postRenderOptions, renderMarkdown } = await import("../src/markdown/pipeline.ts");
  const { pageFrame } = await import("../src/routes/page-views.ts");
  const { layout } = await import("../src/views/layout.ts");
  if (warm) (await import("../src/warm-up.ts")).warmUp();
  // The stored body holds placeholders: render it with its fragments, as the worker does.
  const opts = { ...postRenderOptions(page.post), ...(page.bibliography ? { bibliography: page.bibliography } : {}) };
  const t = performance.now();
  if (what === "markdown") renderMarkdown(page.post.body ?? "", opts);
  else layout(live, pageFrame("post", page, live, page.post.meta.path)).toString();
  console.log(JSON.stringify({ ms: performance.now() - t } satisfies Timing));
}

async function main(): Promise<void> {
  const { Miniflare } = await import("miniflare");
  const { loadContent } = await import("../scripts/lib/load-content.ts");
  const { buildSite } = await import("../scripts/lib/build-site.ts");
  const { bindingTarget, publish } = await import("../scripts/lib/publish.ts");
  const { benchContent } = await import("./support/seed-content.ts");
  const { pageData } = await import("./support/bundle-pages.ts");
  const { bundleWorker, startWorker } = await import("./support/worker.ts");
  const { percentiles } = await import("./support/load.ts");
  const { writeSection } = await import("./support/report.ts");
  const { postRenderOptions, renderMarkdown } = await import("../src/markdown/pipeline.ts");
  const { pageFrame } = await import("../src/routes/page-views.ts");
  const { layout } = await import("../src/views/layout.ts");

  const { dir, postPath, hasSeed } = await benchContent();
  const built = await buildSite((await loadContent(dir)).source);
  if (!built.bundle) throw new Error(`bench content does not build:\n${built.problems.map((p) => p.message).join("\n")}`);
  const bundle = built.bundle;
  const page = pageData<PostPage>(bundle, postPath);
  // The blob stores the rendered body; renderMarkdown is timed on the prepared body and fragments the build rendered it from.
  const record = built.published.find((p) => p.meta.path === postPath)!;
  page.post = { ...page.post, body: record.body, ...(record.fragments ? { fragments: record.fragments } : {}) };
  const live: Live = { ...bundle.manifest, previous: [] };
  const which = hasSeed ? "seed post" : "showcase distill post (no ../shared/seed)";
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  // Warm, in this process.
  // The stored body holds placeholders: render it with its fragments, as the worker does.
  const opts = { ...postRenderOptions(page.post), ...(page.bibliography ? { bibliography: page.bibliography } : {}) };
  const time = (f: () => unknown) => {
    for (let i = 0; i < 50; i++) f();
    const xs: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      f();
      xs.push(performance.now() - t);
    }
    return percentiles(xs);
  };
  const md = time(() => renderMarkdown(record.body, opts));
  const full = time(() => layout(live, pageFrame("post", page, live, postPath)).toString());
  const doc = renderMarkdown(record.body, opts);

  // First render, fresh processes.
  const tmp = await mkdtemp(join(tmpdir(), "edgefolio-render3-"));
  await writeFile(join(tmp, "page.json"), JSON.stringify(page));
  await writeFile(join(tmp, "live.json"), JSON.stringify(live));
  const fresh = (...args: string[]) =>
    median([0, 1, 2, 3, 4].map(() => (JSON.parse(execFileSync("npx", ["tsx", "bench/render.ts", "--child", join(tmp, "page.json"), join(tmp, "live.json"), ...args], { encoding: "utf8" })) as Timing).ms));

  // Through workerd.
  const firsts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const w = await startWorker(bundle);
    const t = performance.now();
    await (await fetch(w.url + postPath)).text();
    firsts.push(performance.now() - t);
    await w.dispose();
  }
  const noCache = new Miniflare({ modules: true, scriptPath: bundleWorker(), compatibilityDate: "2026-04-20", kvNamespaces: ["CONTENT"], cache: false, port: 0, host: "127.0.0.1" });
  const url = (await noCache.ready).toString().replace(/\/$/, "");
  await publish(bindingTarget((await noCache.getKVNamespace("CONTENT")) as unknown as KVNamespace), bundle);
  const misses: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    await (await fetch(url + postPath)).text();
    if (i >= 20) misses.push(performance.now() - t);
  }
  await noCache.dispose();
  const miss = percentiles(misses);

  await writeSection(
    "render",
    "Render (issue 3)",
    `\`npm run bench -- render\` (bench/render.ts), on the ${which}: ${doc.citations.length} citations, ${doc.footnotes.length} footnote, its figures, tweet and details made at build time (Liquid), the body rendered by the build and stored with the post. Node CPU times use performance.now around \`renderMarkdown\` (marked → fragments → citation/footnote passes: done once by the build, which stores the result in the post's blob; the worker runs it only for blobs of an earlier engine) and around the whole page (\`pageFrame\` + \`layout\` from the stored body: distill view, TOC, appendix); warm = p50/p99 of 500 renders after 50; first = median of 5 fresh \`tsx\` processes each, timing the first call after module load (with and without the worker's start-up warm-up, src/warm-up.ts). workerd: the wrangler-bundled worker via Miniflare with KV filled by the real build; wall time includes loopback HTTP and three KV reads.`,
    [
      { metric: "renderMarkdown, warm (Node CPU p50 / p99)", value: `${ms(md.p50)} / ${ms(md.p99)}` },
      { metric: "whole page, warm (Node CPU p50 / p99)", value: `${ms(full.p50)} / ${ms(full.p99)}` },
      { metric: "renderMarkdown, first in a fresh process (after start-up warm-up / without)", value: `${ms(fresh("markdown"))} / ${ms(fresh("markdown", "--no-warm-up"))}` },
      { metric: "whole page, first in a fresh process (after start-up warm-up / without)", value: `${ms(fresh("page"))} / ${ms(fresh("page", "--no-warm-up"))}` },
      { metric: "first request of a fresh workerd isolate (wall, median of 3)", value: ms(median(firsts)) },
      { metric: "cache-miss request, warm isolate (wall p50 / p99 of 200)", value: `${ms(miss.p50)} / ${ms(miss.p99)}` },
    ],
  );
}

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, !process.argv.includes("--no-warm-up"));
else await main();
