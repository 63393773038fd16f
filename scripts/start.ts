/**
 * `npm start -- [--content DIR] [--port N] [--drafts] [--persist-to DIR] [--public-dir DIR] [wrangler dev options…]`:
 * build the content folder into local KV, then serve it with `wrangler dev`
 * at http://localhost:8787 (or `--port`, else `PORT`): offline, no account,
 * no prompts. Rebuild with `npm run build -- --content DIR` in another
 * terminal; the running server picks it up (`npm run dev` does that on save).
 * Other options go to wrangler dev.
 */
import { runBuild } from "./lib/run-build.ts";
import { parseServeOptions, spawnWranglerDev, wranglerDevArgs } from "./lib/serve-options.ts";

const options = parseServeOptions(process.argv.slice(2));
if ("error" in options) {
  console.error(options.error);
  process.exit(2);
}

const code = await runBuild({
  content: options.content, remote: false, dryRun: false, drafts: options.drafts, rollback: false,
  publicDir: options.publicDir ?? "public", ...(options.persistTo ? { persistTo: options.persistTo } : {}),
});
if (code !== 0) process.exit(code);

const dev = spawnWranglerDev(wranglerDevArgs(options));
dev.on("exit", (c) => process.exit(c ?? 0));
