/**
 * Debian's Chromium driven by playwright-core (no browser download), and the
 * page probes the reading tests use: layout shift recorded from before the
 * first paint, console errors, failed requests, axe-core.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Headless Chromium, no sandbox (CI runs as root), nothing fetched from Google.
 * playwright's `launch` gives every browser a fresh temporary profile (user-data-dir).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does)`);
  const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** The in-page probes (layout shift, theme at first parse, card geometry…), installed before any page script. */
export const PROBES = fileURLToPath(new URL("./probes.js", import.meta.url));

export interface PageLog {
  consoleErrors: string[];
  failedRequests: string[];
}

export async function newContext(browser: Browser, width: number, theme: "light" | "dark"): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  await context.addInitScript({ path: PROBES });
  return context;
}

/** A console warning about a header the worker sends (Chromium reports an unknown Permissions-Policy feature as a warning). */
export const ownHeaderWarning = (type: string, text: string): boolean => type === "warning" && /Permissions-Policy|Content[- ]Security[- ]Policy|Referrer-Policy/i.test(text);

/** Record what goes wrong on a page from now on. */
export function watch(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], failedRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || ownHeaderWarning(m.type(), m.text())) log.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => log.consoleErrors.push(String(e)));
  page.on("requestfailed", (r) => log.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
  page.on("response", (r) => {
    if (r.status() >= 400) log.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return log;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not restrict.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(opts: object): Promise<Result> } }).axe;
    const result = await axe.run({ resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}
