/**
 * Checks run against a loaded page through the in-page probes (probes.js).
 * Each check returns the list of what is wrong (empty when all is well), so a
 * failing assertion names the culprits.
 */
import type { Page } from "playwright-core";

type Probes = Record<string, (...args: never[]) => unknown>;

/** Call `__probes[name](...args)` in the page. */
export function probe<T>(page: Page, name: string, ...args: (string | number)[]): Promise<T> {
  return page.evaluate(
    ({ name, args }) => ((globalThis as unknown as { __probes: Probes }).__probes[name] as (...a: unknown[]) => unknown)(...args),
    { name, args },
  ) as Promise<T>;
}

export interface LayoutShift {
  cls: number;
  shifts: { value: number; sources: string[] }[];
}

/** Scroll through the page so every lazy image loads, and wait for the pictures. */
export async function scrollThrough(page: Page): Promise<void> {
  await probe(page, "scrollThrough");
}

/** Move the mouse onto every card link in turn; the problems of their cards. */
export async function hoverEveryCard(page: Page): Promise<string[]> {
  const bad: string[] = [];
  const count = await probe<number>(page, "triggerCount");
  for (let i = 0; i < count; i++) {
    // Off the previous card first: an open card may cover the next link.
    await page.mouse.move(0, 0);
    const { x, y } = await probe<{ x: number; y: number }>(page, "centre", i);
    await page.mouse.move(x, y);
    const problem = await probe<string>(page, "cardProblem", i, "hover");
    if (problem) bad.push(problem);
  }
  await page.mouse.move(0, 0);
  return bad;
}

/** Follow every TOC link from the top of the page; those whose heading does not land at the top of the screen. */
export async function tocLanding(page: Page): Promise<string[]> {
  const bad: string[] = [];
  for (const href of await probe<string[]>(page, "tocHrefs")) {
    await probe(page, "followToc", href);
    const problem = await probe<string>(page, "tocLanding", href);
    if (problem) bad.push(problem);
  }
  await probe(page, "toTop");
  return bad;
}

/**
 * Poll boolean probe `name` until it holds or `ms` pass; whether it held.
 * Polled from here through the DevTools protocol: playwright's waitForFunction
 * evaluates its predicate as a string in the page, which the pages' CSP refuses.
 */
export async function probeUntil(page: Page, name: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await probe<boolean>(page, name)) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
