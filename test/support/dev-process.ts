/**
 * `npm run dev` as the dev tests run it: the real script on a temporary copy of
 * the `basic` fixture site, in its own process group (so `stop` ends wrangler
 * and workerd too), with everything it prints kept for failure messages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = new URL("../../", import.meta.url).pathname;

export interface DevProcess {
  /** The temporary folder: `content/` (the site being edited), `state/`, `public/`. */
  dir: string;
  /** Everything dev printed so far (stdout and stderr). */
  output(): string;
  /** Ends the process group and removes `dir`. */
  stop(): Promise<void>;
}

/** Starts dev on 127.0.0.1:`port`; does not wait for it to serve (callers wait for what they need). */
export async function startDev(prefix: string, port: number): Promise<DevProcess> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(REPO, "test/fixtures/sites/basic"), join(dir, "content"), { recursive: true });
  let output = "";
  const dev: ChildProcess = spawn("npx", ["tsx", "scripts/dev.ts", "--content", join(dir, "content"), "--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(dir, "state"), "--public-dir", join(dir, "public"), "--log-level=warn"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  dev.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  dev.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return {
    dir,
    output: () => output,
    async stop() {
      try {
        if (dev.pid) process.kill(-dev.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await new Promise((r) => setTimeout(r, 500));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
