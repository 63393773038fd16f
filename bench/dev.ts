/**
 * `npm run bench -- dev`: save → updated page visible with `npm run dev`.
 * The real dev script (build, wrangler dev with the dev entry, watcher) on a
 * copy of the showcase (content/) and on the generated 10,000-post site,
 * with the post open in Debian's Chromium (playwright-core). Each round
 * appends a sentence to the post file and times from the write until the
 * open page shows it (watcher, incremental build and publish to local KV,
 * the event stream, the page's reload); median of the rounds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../test/browser/support/browser.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { writeSection, type Row } from "./support/report.ts";

const ROUNDS = 5;
const rows: Row[] = [];
const work = await mkdtemp(join(tmpdir(), "edgefolio-bench-dev-"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function until(what: string, probe: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Start dev on `content`, open `path`, time ROUNDS edits of `file`; returns the times and what dev printed. */
async function saveToVisible(content: string, file: string, path: string, port: number): Promise<{ times: number[]; buildLines: string[] }> {
  let output = "";
  const dev: ChildProcess = spawn("npx", ["tsx", "scripts/dev.ts", "--content", content, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(content, "..", `state-${port}`), "--public-dir", join(content, "..", `public-${port}`), "--log-level=warn"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  dev.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  dev.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const browser = await launchChromium();
  try {
    const url = `http://127.0.0.1:${port}${path}`;
    await until("dev to serve the page", async () => (await fetch(url)).status === 200, 600_000);
    const page = await browser.newPage();
    await page.goto(url);
    // Let the page's event stream connect before the first save.
    await page.waitForTimeout(1000);
    const times: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const marker = `Bench edit number ${i}.`;
      const text = await readFile(file, "utf8");
      const t = performance.now();
      await writeFile(file, `${text}\n${marker}\n`);
      await page.locator("main", { hasText: marker }).waitFor({ timeout: 120_000 });
      times.push(performance.now() - t);
      await page.waitForTimeout(500);
    }
    return { times, buildLines: output.split("\n").filter((l) => l.startsWith("dev: built")) };
  } finally {
    await browser.close();
    if (dev.pid) process.kill(-dev.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const fmt = (times: number[]) => `${Math.round(median(times))} ms median of ${times.length} (min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))})`;
const buildMs = (lines: string[]) => lines.slice(-ROUNDS).map((l) => Number(/built in (\d+) ms/.exec(l)?.[1] ?? NaN));

try {
  const showcase = join(work, "showcase", "content");
  await cp("content", showcase, { recursive: true });
  const posts = (await readdir(join(showcase, "posts"))).filter((f) => f.endsWith(".md")).sort();
  const last = posts.at(-1)!;
  const showPath = (await readFile(join(showcase, "posts", last), "utf8")).match(/^permalink: (.*)$/m)?.[1] ?? `/blog/${last.slice(0, 4)}/${last.slice(11, -3)}/`;
  const show = await saveToVisible(showcase, join(showcase, "posts", last), showPath, 8850);
  rows.push({ metric: `showcase (${posts.length} posts): save → updated page visible in Chromium`, value: fmt(show.times), target: "≤ 1 s", ok: median(show.times) <= 1000 });
  rows.push({ metric: "showcase: of which the dev build (load, cached step, publish)", value: `${Math.round(median(buildMs(show.buildLines)))} ms median` });

  const n = 10_000;
  const site = generatedSite(n);
  const big = join(work, "generated", "content");
  await mkdir(join(big, "posts"), { recursive: true });
  await writeFile(join(big, "site.yml"), site.site!.text);
  for (const p of site.posts) await writeFile(join(big, "posts", p.file.split("/").pop()!), p.text);
  const newest = site.posts.at(-1)!.file.split("/").pop()!;
  const bigPath = `/blog/${newest.slice(0, 4)}/${newest.slice(11, -3)}/`;
  const gen = await saveToVisible(big, join(big, "posts", newest), bigPath, 8851);
  rows.push({ metric: `${n.toLocaleString("en")}-post site: save → updated page visible in Chromium`, value: fmt(gen.times), target: "≤ 2 s", ok: median(gen.times) <= 2000 });
  rows.push({ metric: `${n.toLocaleString("en")}-post site: of which the dev build`, value: `${Math.round(median(buildMs(gen.buildLines)))} ms median` });
} finally {
  await rm(work, { recursive: true, force: true });
}

await writeSection(
  "dev",
  "npm run dev: save → updated page visible",
  "`npm run bench -- dev` (bench/dev.ts): the real `npm run dev` (tsx scripts/dev.ts: build, wrangler dev with src/dev/entry.ts, watcher) on a copy of content/ and on the generated 10,000-post site, the post open in Debian's Chromium; each round appends a sentence to the post file and times from the write until the open page's text has it (watcher, cached build, publish to local KV, event stream, reload). The dev build line is what the dev process prints for the same rounds.",
  rows,
);
