/**
 * `npm run dev` in a real browser: the open page reloads itself after a save,
 * a failed build covers it with the overlay (file:line:col, message), and the
 * fix removes the overlay and shows the new version; the dev script runs
 * under the page's CSP without a violation (a blocked script or event stream
 * would be a console error).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watch, type PageLog } from "./support/browser.ts";

const REPO = new URL("../../", import.meta.url).pathname;
let dir: string;
let dev: ChildProcess | undefined;
let browser: Browser;
let page: Page;
let log: PageLog;
let output = "";
let original = "";
const port = 22000 + Math.floor(Math.random() * 2000);
const url = `http://127.0.0.1:${port}/blog/2024/first-post/`;
const postFile = () => join(dir, "content/posts/2024-01-03-first-post.md");
/** Wait until the open page shows `text` (after reloading itself); on failure, say what dev printed. */
const bodyHas = (text: string) =>
  page.locator("main", { hasText: text }).waitFor({ timeout: 60_000 }).catch((err: Error) => {
    throw new Error(`${err.message}\nnpm run dev printed:\n${output.slice(-2000)}`);
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-devbrowser-"));
  await cp(join(REPO, "test/fixtures/sites/basic"), join(dir, "content"), { recursive: true });
  dev = spawn("npx", ["tsx", "scripts/dev.ts", "--content", join(dir, "content"), "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(dir, "state"), "--public-dir", join(dir, "public"), "--log-level=warn"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  dev.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  dev.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const end = Date.now() + 90_000;
  while ((await fetch(url).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() > end) throw new Error(`npm run dev did not serve ${url}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  original = await readFile(postFile(), "utf8");
  browser = await launchChromium();
  page = await browser.newPage();
  log = watch(page);
  await page.goto(url);
  // The event stream's first message: the page knows the live version.
  await page.waitForTimeout(1000);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  try {
    if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
  await new Promise((r) => setTimeout(r, 500));
  await rm(dir, { recursive: true, force: true });
});

let attempt = 0;
it("reloads on save, shows build errors over the last good page, and clears them on the fix", async () => {
  // Retries (browser project) start from the fixture's text with their own words.
  const text = original;
  const n = ++attempt;
  await writeFile(postFile(), text.replace("A paragraph with", `A reloaded (${n}) paragraph with`));
  await bodyHas(`A reloaded (${n}) paragraph with`);

  await writeFile(postFile(), text.replace("date: 2024-01-03", "date: not-a-date"));
  const overlay = page.locator("#edgefolio-dev-overlay");
  await overlay.waitFor({ timeout: 60_000 });
  expect(await overlay.getAttribute("role")).toBe("alert");
  expect(await overlay.textContent()).toMatch(/2024-01-03-first-post\.md:5:\d+: error: /);
  // Beneath it, the last good version.
  expect(await page.textContent("main")).toContain(`A reloaded (${n}) paragraph with`);

  await writeFile(postFile(), text.replace("A paragraph with", `A fixed (${n}) paragraph with`));
  await bodyHas(`A fixed (${n}) paragraph with`);
  expect(await overlay.count()).toBe(0);
  expect(log.consoleErrors).toEqual([]);
  // A reload aborts what the page had open (its event stream, or an earlier reload when two builds finish
  // close together): ERR_ABORTED is navigation, not failure. Any HTTP error or other network error fails.
  expect(log.failedRequests.filter((r) => !r.endsWith(": net::ERR_ABORTED"))).toEqual([]);
}, 120_000);
