/**
 * `npm run dev` end to end: the real dev script (build, wrangler dev with the
 * dev entry, watcher) on a temporary copy of a fixture site. An edit is served
 * without a restart; a broken edit keeps the last good page and its errors
 * reach the overlay's endpoints; the page carries the dev script under the
 * page's own CSP.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startDev, type DevProcess } from "../support/dev-process.ts";
import type { DevState } from "../../src/dev/status.ts";

let dev: DevProcess | undefined;
const port = 20000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
const POST = "/blog/2024/first-post/";
const postFile = () => join(dev!.dir, "content/posts/2024-01-03-first-post.md");

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 40_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; dev printed:\n${dev?.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const page = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, csp: res.headers.get("content-security-policy") ?? "", html: await res.text() };
};
const state = async () => (await (await fetch(`${base}/__edgefolio/dev/status`)).json()) as DevState;

beforeAll(async () => {
  dev = await startDev("edgefolio-devwatch-", port);
  await until("npm run dev to serve the post", async () => ((await page(POST)).status === 200 ? true : undefined), 90_000);
}, 120_000);

afterAll(async () => {
  await dev?.stop();
});

it("pages carry the dev script from the same origin, allowed by the page's CSP without inline script", async () => {
  const { html, csp } = await page(POST);
  expect(html).toMatch(/<script src="\/__edgefolio\/dev\/client\.js" data-version="[0-9a-f]+" defer><\/script>\s*<\/head>/);
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc.split(/\s+/)).toContain("'self'");
  expect(scriptSrc).not.toContain("unsafe-inline");
  const client = await fetch(`${base}/__edgefolio/dev/client.js`);
  expect(client.headers.get("content-type")).toMatch(/^text\/javascript/);
  expect(await client.text()).toContain("EventSource");
  // The event stream opens with the live version and no errors.
  const events = await fetch(`${base}/__edgefolio/dev/events`);
  expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = events.body!.getReader();
  let text = "";
  // Read until the first event's data line is complete: a chunk may end inside it.
  const decoder = new TextDecoder();
  while (!/data: .*\n/.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
  await reader.cancel();
  const first = JSON.parse(/data: (.*)\n/.exec(text)![1]!) as DevState;
  expect(first.errors).toEqual([]);
  expect(html).toContain(`data-version="${first.version}"`);
});

it("a saved edit is served without a restart, as a new version", async () => {
  const before = (await state()).version;
  const text = await readFile(postFile(), "utf8");
  await writeFile(postFile(), text.replace("A paragraph with", "An edited paragraph with"));
  const html = await until("the edited post", async () => {
    const p = await page(POST);
    return p.html.includes("An edited paragraph with") ? p.html : undefined;
  });
  expect(html).not.toContain("A paragraph with");
  expect((await state()).version).not.toBe(before);
}, 60_000);

it("a broken edit keeps the last good page and exposes located errors to the overlay", async () => {
  const good = (await state()).version;
  const text = await readFile(postFile(), "utf8");
  await writeFile(postFile(), text.replace("date: 2024-01-03", "date: not-a-date").replace("An edited paragraph", "A broken paragraph"));
  const broken = await until("the build error", async () => {
    const s = await state();
    return s.errors.length ? s : undefined;
  });
  expect(broken.version).toBe(good);
  expect(broken.errors[0]).toMatchObject({ file: expect.stringMatching(/2024-01-03-first-post\.md$/), line: 5, col: expect.any(Number), message: expect.stringContaining("date") });
  expect(dev!.output()).toMatch(/2024-01-03-first-post\.md:5:\d+: error: /);
  const served = await page(POST);
  expect(served.status).toBe(200);
  expect(served.html).toContain("An edited paragraph with");
  // Fixing it clears the overlay and publishes again.
  await writeFile(postFile(), text.replace("An edited paragraph", "A fixed paragraph"));
  const fixed = await until("the fix", async () => {
    const s = await state();
    return s.errors.length === 0 && s.version !== good ? s : undefined;
  });
  expect(fixed.errors).toEqual([]);
  expect((await page(POST)).html).toContain("A fixed paragraph with");
}, 60_000);
