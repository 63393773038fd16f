/**
 * The site the browser tests read: the showcase (`content/`) plus the seed
 * post when ../shared/seed is present, built by the real build into a
 * temporary local KV and public folder, and served by the real worker with
 * `wrangler dev` on a free port. Started and stopped by the tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "../../../scripts/lib/run-build.ts";
import { SEED_DIR } from "../../support/external-sites.ts";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SEED_POST = "2024-01-03-december-2023-in-ml.md";

export interface ServedSite {
  base: string;
  /** Site paths of the posts to read: the seed's first when present. */
  posts: { name: string; path: string }[];
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `2026-11-22-writing-a-distill-post.md` → `/blog/2026/writing-a-distill-post/` (the default permalink). */
function postPath(file: string): string {
  const m = /^(\d{4})-\d{1,2}-\d{1,2}-(.+)\.(?:md|markdown)$/.exec(file);
  if (!m) throw new Error(`not a post file name: ${file}`);
  return `/blog/${m[1]}/${m[2]}/`;
}

async function until(what: string, probe: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const hasSeed = () => existsSync(join(SEED_DIR, SEED_POST));

/** The posts the browser reads: the seed (when ../shared/seed exists), then every showcase post. */
export function sitePosts(): { name: string; path: string }[] {
  const posts = postsIn(join(REPO, "content"));
  return hasSeed() ? [{ name: "seed", path: postPath(SEED_POST) }, ...posts] : posts;
}

/** The posts of a content folder, by file name. */
function postsIn(content: string): { name: string; path: string }[] {
  const files = readdirSync(join(content, "posts")).filter((f) => /\.(md|markdown)$/.test(f)).sort();
  return files.map((f) => ({ name: f.replace(/\.\w+$/, ""), path: postPath(f) }));
}

/**
 * Build and serve the showcase (with the seed when present), or, given
 * `from`, that content folder alone (a fixture site; `posts` then lists its posts).
 */
export async function serveSite(from?: string): Promise<ServedSite> {
  const dir = await mkdtemp(join(tmpdir(), "edgefolio-browser-"));
  const content = join(dir, "content");
  await cp(from ?? join(REPO, "content"), content, { recursive: true });
  const posts = from ? postsIn(from) : sitePosts();
  if (!from && hasSeed()) {
    await cp(join(SEED_DIR, SEED_POST), join(content, "posts", SEED_POST));
    await cp(join(SEED_DIR, "dec2023.bib"), join(content, "assets/bibliography/dec2023.bib"));
    await cp(join(SEED_DIR, "assets"), join(content, "assets"), { recursive: true });
  }

  const state = join(dir, "state");
  const publicDir = join(dir, "public");
  const code = await runBuild({ content, remote: false, dryRun: false, drafts: false, persistTo: state, rollback: false, publicDir });
  if (code !== 0) throw new Error(`the build of ${content} failed (exit ${code})`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined = spawn(
    process.execPath,
    [join(REPO, "node_modules/wrangler/bin/wrangler.js"), "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--assets", publicDir, "--show-interactive-dev-session=false", "--log-level=warn"],
    {
      cwd: REPO,
      detached: true,
      stdio: "ignore",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  const stop = async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await until("wrangler dev", async () => (await fetch(base + posts[0]!.path)).status === 200, 90_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, posts, stop };
}
