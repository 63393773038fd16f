/**
 * `npm run dev -- [--content DIR] [--port N] [--drafts] [--persist-to DIR] [--public-dir DIR] [wrangler dev options…]`:
 * `npm start` plus a watcher. The content folder is built into local KV and
 * served by `wrangler dev` with the dev entry (src/dev/entry.ts); every
 * change under the folder (posts, assets, bibliographies, site.yml) starts
 * an incremental build (build cache, content-addressed keys), and open pages
 * reload when the new version is live. A failed build prints its errors here
 * and shows them as an overlay in open pages; the last good version stays live.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { ContentError } from "../src/content/error.ts";
import { DEV_STATUS_KEY, type DevBuild } from "../src/dev/status.ts";
import { runBuild } from "./lib/run-build.ts";
import { watchTree } from "./lib/watch-tree.ts";
import type { BuildCache } from "./lib/build-cache.ts";
import type { FileStamps } from "./lib/file-stamps.ts";
import type { BuildMemo } from "./lib/build-site.ts";
import { openLocalKv } from "./lib/kv-local.ts";
import { listingCache } from "./lib/kv-listing-cache.ts";
import { parseServeOptions, spawnWranglerDev, wranglerDevArgs, type ServeOptions } from "./lib/serve-options.ts";

const parsed = parseServeOptions(process.argv.slice(2));
if ("error" in parsed) {
  console.error(parsed.error);
  process.exit(2);
}
const options: ServeOptions = parsed;
const contentDir = resolve(options.content);
// One local KV connection for the whole session: a rebuild does not start a runtime.
const kv = await openLocalKv(options.persistTo);
// This process is the only writer of its local KV: the key listing is kept in memory (see kv-listing-cache.ts).
const target = listingCache(kv.target);
// The build cache stays in memory between builds (see run-build.ts).
// So do the file stamps, and the site pages and hashes of the last build (the memo).
const session: { cache?: BuildCache; stamps?: FileStamps; memo?: BuildMemo } = {};

/** Build and publish once; tell open pages what came of it. */
async function build(): Promise<void> {
  const started = performance.now();
  let problems: ContentError[] = [];
  const code = await runBuild({
    content: options.content, remote: false, dryRun: false, drafts: options.drafts, rollback: false,
    publicDir: options.publicDir ?? "public", target, session, onProblems: (p) => (problems = p),
  }).catch((err: Error) => {
    console.error(err.message);
    problems = [{ file: options.content, line: 0, col: 0, message: err.message, severity: "error" }];
    return 1;
  });
  const errors = problems.filter((p) => p.severity === "error").map(({ file, line, col, message, hint }) => ({ file, line, col, message, ...(hint ? { hint } : {}) }));
  const status: DevBuild = { errors, at: Date.now() };
  await target.putMany([{ key: DEV_STATUS_KEY, value: JSON.stringify(status) }]);
  const ms = Math.round(performance.now() - started);
  console.log(code === 0 ? `dev: built in ${ms} ms; open pages reload` : `dev: the build failed (${ms} ms); open pages show the errors, the last good version is still served`);
  saveWhenIdle();
}

/** Write the build cache and file stamps: the next `npm run dev` or `npm run build` starts warm. */
async function saveState(): Promise<void> {
  await session.cache?.save().catch((err: Error) => console.error(`warning: the build cache was not saved: ${err.message}`));
  await session.stamps?.save().catch((err: Error) => console.error(`warning: the file stamps were not saved: ${err.message}`));
}

let saveTimer: NodeJS.Timeout | undefined;
/**
 * Save once the author pauses: writing 10,000 posts' results takes a few
 * hundred ms of this (single) thread, which would delay the next save's build.
 */
function saveWhenIdle(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => (running ? saveWhenIdle() : void saveState()), 3_000);
}

let running: Promise<void> | null = null;
let again = false;
/** One build at a time; changes during a build make exactly one more. */
function schedule(): void {
  if (running) {
    again = true;
    return;
  }
  running = build().finally(() => {
    running = null;
    if (again) {
      again = false;
      schedule();
    }
  });
}

await build();
// wrangler dev refuses a missing assets folder (a first build that failed stages nothing).
await mkdir(options.publicDir ?? "public", { recursive: true });
const dev = spawnWranglerDev(wranglerDevArgs(options, "src/dev/entry.ts"));

// Editors save in bursts (temp file, rename, touch): one build per burst.
let timer: NodeJS.Timeout | undefined;
const watcher = watchTree(contentDir, () => {
  clearTimeout(timer);
  timer = setTimeout(schedule, 30);
});

async function stop(code: number): Promise<never> {
  watcher.close();
  await running?.catch(() => undefined);
  clearTimeout(saveTimer);
  await saveState();
  await kv.dispose().catch(() => undefined);
  process.exit(code);
}
dev.on("exit", (c) => void stop(c ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => void stop(0));
}
