/**
 * `npm run dev` in a real browser: the open page reloads itself after a save,
 * a failed build covers it with the overlay (file:line:col, message), and the
 * fix removes the overlay and shows the new version; the dev script runs
 * under the page's CSP without a violation (a blocked script or event stream
 * would be a console error).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watch, type PageLog } from "./support/browser.ts";
import { startDev, type DevProcess } from "../support/dev-process.ts";

let dev: DevProcess | undefined;
let browser: Browser;
let page: Page;
let log: PageLog;
let original = "";
const port = 22000 + Math.floor(Math.random() * 2000);
const url = `http://127.0.0.1:${port}/blog/2024/first-post/`;
const postFile = () => join(dev!.dir, "content/posts/2024-01-03-first-post.md");
/** Wait until the open page shows `text` (after reloading itself); on failure, say what dev printed. */
const bodyHas = (text: string) =>
  page.locator("main", { hasText: text }).waitFor({ timeout: 60_000 }).catch((err: Error) => {
    throw new Error(`${err.message}\nnpm run dev printed:\n${dev?.output().slice(-2000)}`);
  });

beforeAll(async () => {
  dev = await startDev("edgefolio-devbrowser-", port);
  const end = Date.now() + 90_000;
  while ((await fetch(url).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() > end) throw new Error(`npm run dev did not serve ${url}:\n${dev.output().slice(-3000)}`);
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
  await dev?.stop();
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
