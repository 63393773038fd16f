/**
 * `npm start -- [--content DIR] [--port N] [--drafts] [wrangler dev options…]`:
 * build the content folder into local KV, then serve it with `wrangler dev`
 * at http://localhost:8787 (or `--port`, else `PORT`): offline, no account,
 * no prompts. Rebuild with `npm run build -- --content DIR` in another
 * terminal; the running server picks it up. Other options go to wrangler dev.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { runBuild } from "./lib/run-build.ts";

const { values, tokens } = parseArgs({
  args: process.argv.slice(2),
  strict: false,
  tokens: true,
  options: { content: { type: "string", default: "content" }, port: { type: "string" }, drafts: { type: "boolean", default: false } },
});
const content = typeof values.content === "string" ? values.content : "content";
const port = typeof values.port === "string" ? values.port : (process.env["PORT"] ?? "8787");
if (!/^\d{1,5}$/.test(port)) {
  console.error(`--port (or PORT) must be a port number, not \`${port}\``);
  process.exit(2);
}
// Everything this script does not know is passed to wrangler dev as written.
const ours = new Set(["content", "port", "drafts"]);
const passThrough: string[] = [];
for (const t of tokens ?? []) {
  if (t.kind === "positional") passThrough.push(t.value);
  else if (t.kind === "option" && !ours.has(t.name)) passThrough.push(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName);
}

const code = await runBuild({ content, remote: false, dryRun: false, drafts: values.drafts === true, rollback: false, publicDir: "public" });
if (code !== 0) process.exit(code);

const dev = spawn("npx", ["wrangler", "dev", "--port", port, "--show-interactive-dev-session=false", "--var", `ENGINE_BUILD:dev-${Date.now()}`, ...passThrough], {
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
