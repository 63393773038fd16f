/**
 * al-folio's own sample posts (../shared/corpus/al-folio, every one) in a real
 * browser, served by the real worker from KV filled by the real build: at a
 * phone's 390 px and a laptop's 1280 px, no page scrolls sideways, nothing is
 * refused by the Content-Security-Policy, and the console has no error except
 * a failed load from a host this machine cannot reach (the posts embed demo
 * photos, map tiles, videos and comments from the web). Skipped without ../shared.
 *
 * One browser, one tab per width, the posts in sequence.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { serveSite, type ServedSite } from "./support/served-site.ts";
import { launchChromium, newContext, ownHeaderWarning } from "./support/browser.ts";
import { probe, probeUntil, scrollThrough } from "./support/page-checks.ts";
import { corpusSite } from "../support/external-sites.ts";

/**
 * Hosts the corpus posts load from that a test machine may not reach, and what from. A failed load from one
 * of them is the network, not the page; any other failure, and every CSP refusal, is a fault.
 */
const UNREACHABLE_HOSTS = [
  "cdn.photoswipe.com", // photo-gallery: the PhotoSwipe demo photos
  "tile.openstreetmap.org", // geojson-map, distill: leaflet's map tiles
  "www.youtube.com", // videos: embedded players
  "player.vimeo.com",
  "github.com", // distill: an image linked from a GitHub repository
  "raw.githubusercontent.com", // vega-lite: the movies data set the spec names by URL
  "giscus.app", // distill, giscus-comments: the comments widget
  "cdn.pixabay.com", // audios: the sample recordings
];

/** Console messages a failed third-party load produces (Chromium names the URL in the message's location, not its text). */
const NETWORK_ERROR = /^Failed to load resource: net::ERR_/;
const CSP_REFUSAL = /Content Security Policy|Refused to/;

const content = corpusSite();
let site: ServedSite;
let browser: Browser;

function unreachable(url: string): boolean {
  try {
    return UNREACHABLE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Site paths of the posts, from the sitemap (`/blog/YEAR/slug/`: front matter may move a post from its file's date). */
async function postPaths(): Promise<string[]> {
  const xml = await (await fetch(site.base + "/sitemap.xml")).text();
  return [...xml.matchAll(/<loc>https?:\/\/[^/<]+(\/blog\/\d{4}\/[^/<]+\/)<\/loc>/g)].map((m) => m[1]!);
}

/** What went wrong on `page` while reading `path`: errors other than unreachable hosts' failed loads. */
function record(page: Page, faults: string[], where: () => string): void {
  page.on("console", (m: ConsoleMessage) => {
    const text = m.text();
    if (m.type() !== "error" && !ownHeaderWarning(m.type(), text)) return;
    if (NETWORK_ERROR.test(text) && unreachable(m.location().url) && !CSP_REFUSAL.test(text)) return;
    faults.push(`${where()}: console: ${text.slice(0, 300)}`);
  });
  page.on("pageerror", (e) => faults.push(`${where()}: uncaught: ${String(e).slice(0, 300)}`));
  page.on("requestfailed", (r) => {
    const reason = r.failure()?.errorText ?? "failed";
    // Cancelled because the tab moved on to the next post (the favicon, a late lazy picture): not the page's fault.
    if (reason === "net::ERR_ABORTED") return;
    // A CSP refusal shows as a failed request too ("csp"), whatever the host.
    if (unreachable(r.url()) && !/csp/i.test(reason)) return;
    faults.push(`${where()}: request ${r.url()}: ${reason}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) faults.push(`${where()}: HTTP ${r.status()} ${r.url()}`);
  });
}

describe.skipIf(!content)("al-folio's sample posts", () => {
  beforeAll(async () => {
    [site, browser] = await Promise.all([serveSite(content!), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it.each([390, 1280])("every post at %i px: no sideways scroll, no CSP refusal, no console error", async (width) => {
    const paths = await postPaths();
    expect(paths.length, "posts in the sitemap").toBeGreaterThanOrEqual(30);
    const context = await newContext(browser, width, "light");
    const page = await context.newPage();
    const faults: string[] = [];
    let path = "";
    record(page, faults, () => `${path} at ${width} px`);
    for (path of paths) {
      await page.goto(site.base + path, { waitUntil: "load" });
      // Charts and diagrams are drawn after load, some asynchronously (vega, mermaid): their size counts.
      // Generous: a loaded 2-core machine may take seconds for mermaid or plotly; a drawn page answers at once.
      if (!(await probeUntil(page, "diagramsDrawn", 20_000))) faults.push(`${path} at ${width} px: a chart or diagram is not drawn after 20 s`);
      await scrollThrough(page);
      const { scrollWidth, clientWidth } = await probe<{ scrollWidth: number; clientWidth: number }>(page, "pageWidth");
      if (scrollWidth > clientWidth) faults.push(`${path} at ${width} px: the page is ${scrollWidth} px wide in ${clientWidth} px`);
    }
    await context.close();
    expect(faults).toEqual([]);
  }, 180_000);
});
