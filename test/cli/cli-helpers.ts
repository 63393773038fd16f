/** Run the build CLI as a user would, and read what it left in local KV. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { withLocalKv } from "../../scripts/lib/kv-local.ts";
import { readLive } from "../../scripts/lib/publish.ts";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export const fixtureSite = (name: string): string => `test/fixtures/sites/${name}`;

export function runCli(args: string[], script = "scripts/build.ts"): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", script, ...args], { cwd: REPO, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export async function readLiveVersion(persistTo: string): Promise<string | null> {
  return withLocalKv(persistTo, async (kv) => (await readLive(kv))?.version ?? null);
}
