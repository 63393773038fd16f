/** One build run (validate, stage assets, publish or roll back), shared by `npm run build` and `npm start`. */
import { resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { formatContentError, sortProblems } from "../../src/content/error.ts";
import { buildSite } from "./build-site.ts";
import { loadContent, ENGINE_ASSET_DIR } from "./load-content.ts";
import { prunePublic, stagePublic, type PublicFiles } from "./public-dir.ts";
import { publish, readLive, rollback, type KvTarget } from "./publish.ts";
import { withLocalKv } from "./kv-local.ts";
import { remoteTarget } from "./kv-remote.ts";
import { staticHeaders } from "../../src/security/headers.ts";

export interface BuildCliOptions {
  content: string;
  remote: boolean;
  dryRun: boolean;
  drafts: boolean;
  persistTo?: string;
  rollback: boolean;
  publicDir: string;
}

/**
 * Static Assets headers: the engine's files are content-hashed, so browsers and
 * the edge may keep them forever; content assets keep the default revalidation.
 */
const STATIC_HEADERS = `/${ENGINE_ASSET_DIR}/*
  Cache-Control: public, max-age=31536000, immutable
${staticHeaders()}`;

/** The git commit (or a timestamp outside git): new engine code gets new ETags and cache keys. */
function engineBuildId(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return `t${Date.now()}`;
  }
}

function withTarget<T>(opts: BuildCliOptions, use: (t: KvTarget) => Promise<T>): Promise<T> {
  return opts.remote ? use(remoteTarget()) : withLocalKv(opts.persistTo, use);
}

/** Run a build; returns the process exit code. */
export async function runBuild(opts: BuildCliOptions): Promise<number> {
  const started = performance.now();
  const where = opts.remote ? "Cloudflare KV" : "local KV";
  if (opts.rollback) {
    const { from, to } = await withTarget(opts, rollback);
    console.log(`rolled back ${where}: ${from} → ${to}`);
    return 0;
  }

  const loaded = await loadContent(resolve(opts.content));
  const result = await buildSite(loaded.source, { drafts: opts.drafts });
  const errors = result.problems.filter((p) => p.severity === "error");
  for (const p of sortProblems(result.problems)) console.error(formatContentError(p));
  if (!result.bundle || errors.length) {
    console.error(`\n${errors.length} error${errors.length === 1 ? "" : "s"}: nothing was published; the live version is unchanged.`);
    return 1;
  }
  const { bundle } = result;
  const summary = `${result.published.length} posts, ${bundle.blobs.length} pages`;
  if (opts.dryRun) {
    console.log(`dry run: version ${bundle.manifest.version} (${summary}) builds and renders; nothing published`);
    return 0;
  }

  const files: PublicFiles = {
    copies: new Map([...loaded.assetFiles].filter(([rel]) => !rel.startsWith(ENGINE_ASSET_DIR + "/")).concat([...loaded.libraryFiles.copies])),
    texts: new Map([
      [bundle.manifest.stylesheet.slice(1), loaded.stylesheetText],
      ...loaded.engineFileTexts,
      ["_headers", STATIC_HEADERS],
      ...loaded.libraryFiles.texts,
    ]),
  };
  const publicDir = resolve(opts.publicDir);
  await stagePublic(publicDir, files);
  // Static Assets reach Cloudflare with a deploy; KV content does not need one.
  if (opts.remote) execFileSync("npx", ["wrangler", "deploy", "--var", `ENGINE_BUILD:${engineBuildId()}`], { stdio: "inherit" });

  const report = await withTarget(opts, async (target) => {
    try {
      return await publish(target, bundle);
    } catch (err) {
      const live = await readLive(target).catch(() => null);
      throw new Error(`publishing failed: ${(err as Error).message}\nthe live version is still ${live?.version ?? "(none)"}`);
    }
  });
  await prunePublic(publicDir, files);
  const ms = Math.round(performance.now() - started);
  if (report.unchanged) console.log(`version ${report.version} (${summary}) is already live on ${where}; nothing to write (${ms} ms)`);
  else console.log(`published version ${report.version} to ${where}: ${summary}; ${report.written} keys written, ${report.reused} unchanged pages reused, ${report.deleted} old keys deleted (${ms} ms)`);
  return 0;
}

