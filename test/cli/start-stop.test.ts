/**
 * `npm start` stops as a whole: a SIGTERM to its process (a service manager,
 * `kill`) stops wrangler dev and workerd under it, not only the first of them
 * (spawned through npx, the server kept serving after its parent was gone).
 */
import { afterAll, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, fixtureSite } from "./cli-helpers.ts";

const port = 20000 + Math.floor(Math.random() * 2000);
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function answers(): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, probe: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

it("SIGTERM to npm start's process stops the server it started", async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-start-stop-"));
  await cp(join(REPO, fixtureSite("basic")), join(dir, "content"), { recursive: true });
  const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--content", join(dir, "content"), "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(dir, "state"), "--public-dir", join(dir, "public"), "--log-level=warn"], {
    cwd: REPO,
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  const exited = new Promise<number | null>((resolve) => start.on("exit", (code) => resolve(code)));
  try {
    await until("npm start to serve", answers);
    start.kill("SIGTERM");
    await until("the server to stop", async () => !(await answers()), 30_000);
    expect(await exited).toBe(0);
  } finally {
    if (start.exitCode === null) start.kill("SIGKILL");
  }
}, 120_000);
