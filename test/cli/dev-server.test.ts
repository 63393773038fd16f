/**
 * The author's loop, end to end: `wrangler dev` serves what the build
 * published, and a later build (new post, new image) shows up without
 * restarting the server.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, fixtureSite, runCli } from "./cli-helpers.ts";

let dir: string;
let dev: ChildProcess | undefined;
const port = 18000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 40_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const status = async (path: string) => (await fetch(base + path, { redirect: "manual" })).status;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-dev-"));
  await cp(join(REPO, fixtureSite("basic")), join(dir, "content"), { recursive: true });
  const build = await runCli(["--content", join(dir, "content"), "--persist-to", join(dir, "state"), "--public-dir", join(dir, "public")]);
  expect(build.code, build.stderr).toBe(0);
  dev = spawn("npx", ["wrangler", "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(dir, "state"), "--assets", join(dir, "public"), "--show-interactive-dev-session=false", "--log-level=warn"], {
    cwd: REPO,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  await until("wrangler dev", async () => ((await status("/")) === 200 ? true : undefined));
}, 90_000);

afterAll(async () => {
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

it("serves the published site with its static assets", async () => {
  expect(await status("/blog/2024/first-post/")).toBe(200);
  const img = await fetch(`${base}/assets/img/dot.png`);
  expect(img.status).toBe(200);
  expect(img.headers.get("content-type")).toBe("image/png");
  const html = await (await fetch(`${base}/`)).text();
  const css = /href="(\/assets\/edgefolio\/style\.[0-9a-f]+\.css)"/.exec(html)?.[1];
  expect(css).toBeDefined();
  const sheet = await fetch(base + css!);
  expect(sheet.status).toBe(200);
  expect(sheet.headers.get("content-type")).toMatch(/^text\/css/);
  // Content-hashed, so cacheable forever.
  expect(sheet.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
});

it("a new post and its image appear after `npm run build`, without restarting", async () => {
  expect(await status("/blog/2024/late-addition/")).toBe(404);
  await copyFile(join(dir, "content/assets/img/dot.png"), join(dir, "content/assets/img/late.png"));
  await writeFile(join(dir, "content/posts/2024-07-01-late-addition.md"), "---\ntitle: Late addition\n---\n\n![a dot](/assets/img/late.png)\n");
  const build = await runCli(["--content", join(dir, "content"), "--persist-to", join(dir, "state"), "--public-dir", join(dir, "public")]);
  expect(build.code, build.stderr).toBe(0);
  const html = await until("the new post", async () => {
    const res = await fetch(`${base}/blog/2024/late-addition/`);
    return res.status === 200 ? res.text() : undefined;
  });
  expect(html).toContain("<h1 class=\"post-title\">Late addition</h1>");
  expect(await until("the new image", async () => ((await status("/assets/img/late.png")) === 200 ? 200 : undefined))).toBe(200);
}, 90_000);
