/**
 * The client-side enhancements in a real browser (Debian's Chromium), on the
 * `client` fixture site served by the real worker: the BibTeX Copy button,
 * medium-zoom on zoomable figures, diagrams that follow the theme toggle, and
 * mermaid's pan and zoom. Each page is also checked for console errors (a
 * refused script or style shows there: the CSP is the real one) and failed requests.
 * Screenshots go to test/browser/artifacts/client-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { REPO, serveSite, type ServedSite } from "./support/served-site.ts";
import { launchChromium, newContext, watch, type PageLog } from "./support/browser.ts";
import { SITES_DIR } from "../support/fixture-sites.ts";

const ARTIFACTS = join(REPO, "test/browser/artifacts");
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(join(SITES_DIR, "client")), launchChromium()]);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(context: BrowserContext, path: string): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(site.base + path, { waitUntil: "load" });
  return { page, log };
}

function clean(log: PageLog, where: string): void {
  expect(log.consoleErrors, `${where}: console errors`).toEqual([]);
  expect(log.failedRequests, `${where}: failed requests`).toEqual([]);
}

describe("BibTeX Copy button", () => {
  it("appears with script and puts the BibTeX on the clipboard", async () => {
    const context = await newContext(browser, 1280, "light");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.base });
    const { page, log } = await open(context, "/blog/2024/cite-and-zoom/");
    const button = page.locator("button.copy-citation");
    await button.scrollIntoViewIfNeeded();
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await page.waitForFunction("document.querySelector('.copy-status')?.textContent === 'Copied'", undefined, { timeout: 5000 });
    const copied = await page.evaluate<string>("navigator.clipboard.readText()");
    expect(copied).toBe(await page.locator("#citation-bibtex").textContent());
    expect(copied).toMatch(/^@article\{reader2024cite,\n {2}title = \{Cite and zoom\},/);
    await page.locator(".citation-bibtex").screenshot({ path: join(ARTIFACTS, "client-copy-button.png") });
    clean(log, "copy");
    await context.close();
  });

  it("a jekyll-scholar bibliography entry opens its BibTeX on demand, copied as the file has it", async () => {
    const context = await newContext(browser, 1280, "light");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.base });
    const { page, log } = await open(context, "/blog/2024/scholar/");
    const button = page.locator("details.bibtex button.copy-citation");
    expect(await button.isVisible(), "closed: nothing to copy yet").toBe(false);
    await page.locator("details.bibtex > summary").click();
    await button.click();
    await page.waitForFunction("document.querySelector('details.bibtex .copy-status')?.textContent === 'Copied'", undefined, { timeout: 5000 });
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe("@article{hopper1952,\n  title   = {The Education of a Computer},\n  author  = {Hopper, Grace Murray},\n  journal = {Proceedings of the ACM National Meeting},\n  year    = {1952}\n}");
    await page.locator("ol.bibliography").screenshot({ path: join(ARTIFACTS, "client-bibliography-bibtex.png") });
    clean(log, "bibliography copy");
    await context.close();
  });

  it("is not shown without JavaScript (it could do nothing)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.base + "/blog/2024/cite-and-zoom/", { waitUntil: "load" });
    expect(await page.locator("#citation-bibtex").isVisible()).toBe(true);
    expect(await page.locator("button.copy-citation").isVisible()).toBe(false);
    await context.close();
  });
});

describe("zoomable figures (medium-zoom)", () => {
  it.each(["light", "dark"] as const)("a click zooms a zoomable figure over the page's own background (%s); the other figure stays", async (theme) => {
    const context = await newContext(browser, 1280, theme);
    const { page, log } = await open(context, "/blog/2024/cite-and-zoom/");
    const [zoomable, still] = [page.locator("img[data-zoomable]"), page.locator("figure img:not([data-zoomable])")];
    expect(await zoomable.getAttribute("class")).toContain("medium-zoom-image");
    expect(await still.getAttribute("class")).not.toContain("medium-zoom-image");
    const before = await zoomable.boundingBox();
    await zoomable.click();
    await page.waitForSelector(".medium-zoom-overlay");
    await page.waitForTimeout(400); // the zoom's 300 ms transition
    const after = await page.locator(".medium-zoom-image--opened").boundingBox();
    expect(after!.width, "the zoomed picture is larger").toBeGreaterThan(before!.width * 1.3);
    const overlay = await page.evaluate<string>("getComputedStyle(document.querySelector('.medium-zoom-overlay')).backgroundColor");
    const page_ = await page.evaluate<string>("getComputedStyle(document.documentElement).backgroundColor");
    // The overlay is the page's background at 0xee alpha.
    expect(overlay.replace(/^rgba?\((\d+), (\d+), (\d+).*$/, "$1,$2,$3")).toBe(page_.replace(/^rgba?\((\d+), (\d+), (\d+).*$/, "$1,$2,$3"));
    await page.screenshot({ path: join(ARTIFACTS, `client-zoom-${theme}.png`) });
    await page.keyboard.press("Escape");
    await page.waitForSelector(".medium-zoom-overlay", { state: "detached" });
    clean(log, `zoom ${theme}`);
    await context.close();
  });
});

/** The first mermaid node's shape. */
const NODE = ".diagram-mermaid svg .node rect, .diagram-mermaid svg .node path";

/** Fill colour of the first mermaid node's shape, once drawn. */
async function nodeFill(page: Page): Promise<string> {
  await page.waitForSelector(NODE, { timeout: 15_000 });
  return page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(NODE)})).fill`);
}

describe("diagrams", () => {
  it("follow the theme toggle after load: mermaid is drawn again in the dark theme, and back", async () => {
    const context = await newContext(browser, 1280, "light");
    const { page, log } = await open(context, "/blog/2024/still-diagram/");
    const light = await nodeFill(page);
    const toggle = page.locator(".theme-toggle");
    await toggle.click(); // auto → light
    await toggle.click(); // light → dark
    await page.waitForFunction(`getComputedStyle(document.querySelector(${JSON.stringify(NODE)})).fill !== ${JSON.stringify(light)}`, undefined, { timeout: 15_000 });
    const dark = await nodeFill(page);
    expect(dark).not.toBe(light);
    expect(await page.locator(".diagram-mermaid").count(), "one diagram, not a second copy").toBe(1);
    expect(await page.locator("pre > code.language-mermaid").isVisible(), "the source stays hidden").toBe(false);
    await page.locator(".diagram-mermaid").screenshot({ path: join(ARTIFACTS, "client-mermaid-dark.png") });
    await toggle.click(); // dark → auto (the light OS)
    await page.waitForFunction(`document.querySelector(${JSON.stringify(NODE)}) && getComputedStyle(document.querySelector(${JSON.stringify(NODE)})).fill === ${JSON.stringify(light)}`, undefined, { timeout: 15_000 });
    clean(log, "mermaid theme");
    await context.close();
  });

  it("`mermaid: {zoomable: true}`: the wheel zooms, a drag pans, a double click shows it whole; without the key nothing moves", async () => {
    const context = await newContext(browser, 1280, "light");
    const { page, log } = await open(context, "/blog/2024/zoomable-diagram/");
    await nodeFill(page);
    const svg = page.locator(".diagram-mermaid svg");
    await page.waitForSelector(".diagram-mermaid svg[data-zoomable-diagram]");
    const home = await svg.getAttribute("viewBox");
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(`document.querySelector(".diagram-mermaid svg").getAttribute("viewBox") !== ${JSON.stringify(home)}`);
    const zoomed = (await svg.getAttribute("viewBox"))!.split(" ").map(Number);
    const whole = home!.split(" ").map(Number);
    expect(zoomed[2]!, "a narrower view is a zoom in").toBeLessThan(whole[2]!);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2);
    await page.mouse.up();
    const panned = (await svg.getAttribute("viewBox"))!.split(" ").map(Number);
    expect(panned[0]!, "dragging right shows what is left").toBeLessThan(zoomed[0]!);
    await svg.dblclick();
    expect(await svg.getAttribute("viewBox")).toBe(home);
    clean(log, "mermaid zoom");
    await context.close();

    const still = await newContext(browser, 1280, "light");
    const other = await open(still, "/blog/2024/still-diagram/");
    await nodeFill(other.page);
    const stillSvg = other.page.locator(".diagram-mermaid svg");
    const fixed = await stillSvg.getAttribute("viewBox");
    const b = (await stillSvg.boundingBox())!;
    await other.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await other.page.mouse.wheel(0, -400);
    await other.page.waitForTimeout(200);
    expect(await stillSvg.getAttribute("viewBox")).toBe(fixed);
    await still.close();
  });
});

describe("TikZ and typograms", () => {
  it.each(["light", "dark"] as const)("the TikZ picture is an SVG the build drew, with its TeX fonts, no script (%s)", async (theme) => {
    const context = await newContext(browser, 1280, theme);
    const { page, log } = await open(context, "/blog/2024/tikz-and-typograms/");
    const picture = page.locator("figure.tikz svg");
    const box = (await picture.boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.height).toBeGreaterThan(50);
    expect(await page.locator('script[type="text/tikz"]').count()).toBe(0);
    // The label's text is set in Computer Modern, from the fonts the page linked.
    await page.evaluate("document.fonts.ready");
    expect(await page.evaluate<boolean>("document.fonts.check('10px cmr10')")).toBe(true);
    await page.locator("figure.tikz").screenshot({ path: join(ARTIFACTS, `client-tikz-${theme}.png`) });
    // A typogram is an SVG the build drew, in the page's text colour (so it follows the theme), with no script.
    const typogram = page.locator("figure.typogram svg");
    expect((await typogram.boundingBox())!.width).toBeGreaterThan(100);
    const colour = (selector: string, property: string) => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);
    expect(await colour("figure.typogram path", "stroke")).toBe(await colour("p:has(+ figure.typogram)", "color"));
    expect(await page.locator("script[src*='/lib/']").count()).toBe(0);
    await page.locator("figure.typogram").screenshot({ path: join(ARTIFACTS, `client-typogram-${theme}.png`) });
    clean(log, `tikz ${theme}`);
    await context.close();
  });
});

describe("post layout: `toc: {sidebar: left}`", () => {
  it.each([1400, 900])("stays in view beside the body while the reader scrolls, marking the section (%i px)", async (width) => {
    const context = await newContext(browser, width, "light");
    const { page, log } = await open(context, "/blog/2024/long-read/");
    await page.setViewportSize({ width, height: 500 });
    // The reader scrolls until the last section's heading reaches the top (or the page ends).
    await page.evaluate("document.getElementById('the-end').scrollIntoView()");
    await page.waitForTimeout(200);
    const toc = (await page.locator("nav.toc").boundingBox())!;
    const text = (await page.locator(".post-body p").last().boundingBox())!;
    expect(toc.y, "the contents' top is on screen").toBeGreaterThanOrEqual(0);
    expect(toc.y + toc.height, "and its bottom").toBeLessThanOrEqual(500);
    expect(toc.x + toc.width, "left of the text, not over it").toBeLessThanOrEqual(text.x);
    await page.waitForSelector("nav.toc a[aria-current]");
    expect(await page.locator("nav.toc a[aria-current]").textContent()).toBe("The end");
    expect(await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, `client-toc-${width}.png`) });
    clean(log, `toc ${width}`);
    await context.close();
  });

  it("on a phone the contents come first, inline, full width", async () => {
    const context = await newContext(browser, 390, "light");
    const { page, log } = await open(context, "/blog/2024/long-read/");
    const toc = (await page.locator("nav.toc").boundingBox())!;
    const body = (await page.locator(".post-body").boundingBox())!;
    expect(toc.y + toc.height).toBeLessThanOrEqual(body.y);
    expect(toc.width).toBeGreaterThan(body.width * 0.8);
    clean(log, "toc phone");
    await context.close();
  });
});
