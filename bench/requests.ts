/**
 * Request cost of the seed post (issue 5, figures 1, 2 and 5):
 *  1. render on a cache miss: in Node (same V8 as workerd) for CPU time, warm
 *     and in a fresh process; through workerd for wall time, warm (cache off)
 *     and as the first request of a fresh isolate;
 *  2. cache-hit throughput and latency against the same bytes served as a
 *     static asset by workerd, in the same run (autocannon, loopback);
 *  5. page weight: HTML + CSS gzip; blocking scripts (target: only the theme
 *     script) and deferred enhancements (count and gzip bytes).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { loadContent } from "../scripts/lib/load-content.ts";
import { buildSite } from "../scripts/lib/build-site.ts";
import { bindingTarget, publish } from "../scripts/lib/publish.ts";
import { benchContent } from "./support/seed-content.ts";
import { pageData } from "./support/bundle-pages.ts";
import { bundleWorker, startStaticServer, startWorker } from "./support/worker.ts";
import { load, percentiles } from "./support/load.ts";
import { writeSection, type Row } from "./support/report.ts";
import type { PostPage } from "../src/store/types.ts";

const { dir, postPath, hasSeed } = await benchContent();
const loaded = await loadContent(dir);
const built = await buildSite(loaded.source);
if (!built.bundle) throw new Error(`bench content does not build:\n${built.problems.map((p) => p.message).join("\n")}`);
const bundle = built.bundle;
const rows: Row[] = [];
const which = hasSeed ? "seed post" : "showcase distill post (no ../shared/seed)";
const ms = (n: number) => `${n.toFixed(2)} ms`;

// 1a. Render CPU in Node: fresh process (first render) and warm.
const tmp = await mkdtemp(join(tmpdir(), "edgefolio-render-"));
await writeFile(join(tmp, "page.json"), JSON.stringify(pageData<PostPage>(bundle, postPath)));
await writeFile(join(tmp, "live.json"), JSON.stringify({ ...bundle.manifest, previous: [] }));
type Cold = { importMs: number; firstMs: number; warmP50: number; warmP99: number };
const coldRuns = (extra: string[]): Cold[] =>
  [0, 1, 2].map(() => JSON.parse(execFileSync("npx", ["tsx", "bench/support/first-render.ts", join(tmp, "page.json"), join(tmp, "live.json"), ...extra], { encoding: "utf8" })) as Cold);
const cold = coldRuns([]);
const unwarmed = coldRuns(["--no-warm-up"]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const warmCpu = median(cold.map((c) => c.warmP50));
const firstCpu = median(cold.map((c) => c.firstMs));
rows.push({ metric: `render ${which}, warm (Node CPU, p50 of 300)`, value: `${ms(warmCpu)} (p99 ${ms(median(cold.map((c) => c.warmP99)))})`, target: "≤ 1 ms", ok: warmCpu <= 1 });
rows.push({ metric: `render ${which}, first in a fresh process (Node CPU)`, value: `${ms(firstCpu)} after start-up warm-up (start-up: ${ms(median(cold.map((c) => c.importMs)))} incl. tsx transpiling); without warm-up ${ms(median(unwarmed.map((c) => c.firstMs)))}`, target: "≤ 10 ms", ok: firstCpu <= 10 });

// 1b. Through workerd: first request of fresh isolates, then warm misses with the cache off.
const firsts: number[] = [];
for (let i = 0; i < 3; i++) {
  const w = await startWorker(bundle);
  const t = performance.now();
  const res = await fetch(w.url + postPath);
  await res.text();
  firsts.push(performance.now() - t);
  await w.dispose();
}
rows.push({ metric: "first request of a fresh workerd isolate (wall, median of 3)", value: ms(median(firsts)) });

const noCache = new Miniflare({ modules: true, scriptPath: bundleWorker(), compatibilityDate: "2026-04-20", kvNamespaces: ["CONTENT"], cache: false, port: 0, host: "127.0.0.1" });
const noCacheUrl = (await noCache.ready).toString().replace(/\/$/, "");
await publish(bindingTarget((await noCache.getKVNamespace("CONTENT")) as unknown as KVNamespace), bundle);
const missSamples: number[] = [];
for (let i = 0; i < 220; i++) {
  const t = performance.now();
  await (await fetch(noCacheUrl + postPath)).text();
  if (i >= 20) missSamples.push(performance.now() - t);
}
const miss = percentiles(missSamples);
await noCache.dispose();

// 2. Cache hits vs the same bytes as a static asset.
const worker = await startWorker(bundle);
const page = await fetch(worker.url + postPath);
const html = await page.text();
const staticDir = await mkdtemp(join(tmpdir(), "edgefolio-static-"));
await writeFile(join(staticDir, "page.html"), html);
const server = await startStaticServer(staticDir);
const staticSamples: number[] = [];
for (let i = 0; i < 220; i++) {
  const t = performance.now();
  await (await fetch(server.url + "/page.html")).text();
  if (i >= 20) staticSamples.push(performance.now() - t);
}
const staticSeq = percentiles(staticSamples);
rows.push({ metric: "cache-miss request, warm isolate (wall p50/p99, sequential)", value: `${ms(miss.p50)} / ${ms(miss.p99)} (static asset same run: ${ms(staticSeq.p50)} / ${ms(staticSeq.p99)})` });

const hit = await load(worker.url + postPath, { seconds: 5 });
const stat = await load(server.url + "/page.html", { seconds: 5 });
const ratio = hit.requestsPerSec / stat.requestsPerSec;
rows.push({ metric: "cache hit (autocannon 10 conn, 5 s)", value: `${hit.requestsPerSec} req/s, p50 ${hit.p50} ms, p99 ${hit.p99} ms, ${hit.non2xx + hit.errors} errors` });
rows.push({ metric: "static asset, same bytes, same run", value: `${stat.requestsPerSec} req/s, p50 ${stat.p50} ms, p99 ${stat.p99} ms` });
rows.push({ metric: "cache-hit throughput ÷ static asset", value: ratio.toFixed(2), target: "≥ 0.8", ok: ratio >= 0.8 });
await worker.dispose();
await server.dispose();

// 5. Page weight.
const css = await readFile(join("public", bundle.manifest.stylesheet)).catch(() => Buffer.from(loaded.stylesheetText));
const htmlGz = gzipSync(html).length;
const cssGz = gzipSync(css).length;
rows.push({ metric: `page weight of the ${which} (gzip)`, value: `${((htmlGz + cssGz) / 1024).toFixed(1)} KB (HTML ${(htmlGz / 1024).toFixed(1)} KB + CSS ${(cssGz / 1024).toFixed(1)} KB)`, target: "≤ 60 KB", ok: htmlGz + cssGz <= 60 * 1024 });
rows.push(...scriptRows(html));

/**
 * The page's JavaScript, split by what it costs the reader. Blocking: a classic
 * script without defer/async (or inline) stops parsing until it has run; the
 * only one allowed is the theme script, which must run in <head> before the
 * first paint or the page flashes the wrong theme. Deferred enhancements run
 * after parsing (cards, Copy, zoom) and are not needed to read: the browser
 * tests read every post with JavaScript off (test/browser/reading.test.ts), and
 * here the post's text and references are checked to be in the HTML itself.
 */
function scriptRows(page: string): Row[] {
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]!));
  const srcOf = (attrs: string) => /\ssrc="([^"]+)"/.exec(attrs)?.[1];
  const isDeferred = (attrs: string) => /\s(defer|async)\b|type="module"/.test(attrs) && srcOf(attrs) !== undefined;
  const blocking = scripts.filter((m) => !isDeferred(m[1]!));
  const deferred = scripts.filter((m) => isDeferred(m[1]!));
  const sizes = (ms: RegExpMatchArray[]) => ms.map((m) => scriptBytes(srcOf(m[1]!), m[2]!));
  const describe = (ms: RegExpMatchArray[]) => ms.map((m) => (srcOf(m[1]!) ?? "inline").replace(/^.*\//, "")).join(", ");
  const theme = blocking.filter((m) => /\/theme\.[0-9a-f]+\.js$/.test(srcOf(m[1]!) ?? ""));
  const others = blocking.filter((m) => !theme.includes(m));
  const [themeSize] = sizes(theme);
  const deferredSizes = sizes(deferred);
  const gz = deferredSizes.reduce((sum, s) => sum + s.gzip, 0);
  const raw = deferredSizes.reduce((sum, s) => sum + s.raw, 0);
  const body = /<div class="post-body[^"]*">[\s\S]*?<p>/.test(page);
  const references = (page.match(/<li id="ref-/g) ?? []).length;
  return [
    {
      metric: "blocking scripts (no defer/async/module)",
      value: `${blocking.length}${blocking.length ? ` (${describe(blocking)})` : ""}${themeSize ? `; theme.js ${themeSize.raw} B, ${themeSize.gzip} B gzip, in <head> so the theme does not flash` : ""}`,
      target: "0 besides theme.js",
      ok: others.length === 0,
    },
    { metric: "deferred enhancements", value: `${deferred.length} scripts, ${(gz / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB raw): ${describe(deferred) || "none"}` },
    { metric: "reads with JavaScript off", value: `post text ${body ? "in the HTML" : "MISSING from the HTML"}, ${references} references in the HTML (Chromium with JavaScript off: test/browser/reading.test.ts)`, target: "text in the HTML", ok: body },
  ];
}

/** Size of a script as served: its file among the build's engine files and libraries, or its inline text. */
function scriptBytes(src: string | undefined, inline: string): { raw: number; gzip: number } {
  const rel = src?.replace(/^\//, "");
  const copied = rel === undefined ? undefined : loaded.libraryFiles.copies.get(rel);
  const text = rel === undefined ? inline : (loaded.engineFileTexts.get(rel) ?? loaded.libraryFiles.texts.get(rel) ?? (copied ? readFileSync(copied, "utf8") : ""));
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
}

await writeSection(
  "requests",
  "Requests: render, cache hits, page weight",
  "`npm run bench -- requests`. Render CPU: `pageFrame` + `layout` (Markdown pipeline and views) timed with performance.now in a Node child process, which runs the same V8 as workerd (workerd itself freezes timers during execution). Wall times: the wrangler-bundled worker in workerd via Miniflare, KV filled by the real build; misses with Miniflare's cache off. Throughput: autocannon over loopback against the cached page and against the same HTML bytes served by workerd's Static Assets, in the same run (±30 % run to run on this machine).",
  rows,
);
