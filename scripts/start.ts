/**
 * `npm start`: build content/ into local KV, then serve it with `wrangler dev`
 * at http://localhost:8787: offline, no account, no prompts. Rebuild with
 * `npm run build` in another terminal; the running server picks it up.
 */
import { spawn } from "node:child_process";
import { runBuild } from "./lib/run-build.ts";

const code = await runBuild({ content: "content", remote: false, dryRun: false, drafts: process.argv.includes("--drafts"), rollback: false, publicDir: "public" });
if (code !== 0) process.exit(code);

const dev = spawn("npx", ["wrangler", "dev", "--port", process.env.PORT ?? "8787", "--show-interactive-dev-session=false", "--var", `ENGINE_BUILD:dev-${Date.now()}`, ...process.argv.slice(2).filter((a) => a !== "--drafts")], {
  stdio: "inherit",
  env: {
    ...process.env,
    // Offline-friendly defaults (see shared notes): no telemetry, no update check, no cf fetch.
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_HIDE_BANNER: "true",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
  },
});
dev.on("exit", (c) => process.exit(c ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => dev.kill(sig));
