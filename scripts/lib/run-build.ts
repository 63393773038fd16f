/** One build run (validate, stage assets, publish or roll back), shared by `npm run build` and `npm start`. */
import { join, resolve } from "node:path";
import { stat } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { formatContentError, sortProblems } from "../../src/content/error.ts";
import { buildMemo, buildSite, type BuildMemo } from "./build-site.ts";
import { BuildCache, cacheEpochInputs } from "./build-cache.ts";
import { loadContent, ENGINE_ASSET_DIR } from "./load-content.ts";
import { FileStamps } from "./file-stamps.ts";
import { prunePublic, stagePublic, type PublicFiles } from "./public-dir.ts";
import { publish, readLive, rollback, type KvTarget, type PublishReport } from "./publish.ts";
import { openLocalKv, withLocalKv } from "./kv-local.ts";
import { problemSummary } from "./problem-summary.ts";
import { heldBackNote } from "./held-back-note.ts";
import { remoteTarget } from "./kv-remote.ts";
import { folderTarget } from "./kv-folder.ts";
import { staticHeaders } from "../../src/security/headers.ts";
import type { ContentError } from "../../src/content/error.ts";

export interface BuildCliOptions {
  content: string;
  remote: boolean;
  dryRun: boolean;
  drafts: boolean;
  persistTo?: string;
  rollback: boolean;
  publicDir: string;
  /** `npm run deploy -- --dry-run`: write what a deploy to an empty namespace uploads into this folder instead. */
  deployDryRun?: string;
  /** Told what a publish did (benchmarks, the dev server). */
  onPublished?: (report: PublishReport) => void;
  /** Render every post, ignoring the build cache (see build-cache.ts). */
  noCache?: boolean;
  /** Read back every reused key, not a sample (see publish.ts). */
  verifyAll?: boolean;
  /** Publish here instead of opening local KV for this build (the dev server keeps one open). */
  target?: KvTarget;
  /**
   * Builds of one long-running process (the dev server): the build cache stays
   * in memory between them, and the caller saves it (`session.cache.save()`)
   * when it likes, after the publish rather than before. Its file stamps
   * (file-stamps.ts) likewise (`session.stamps.save()`). Its memo keeps the
   * site pages and their hashes for the next build (see BuildMemo), and
   * `staged` what it put in the public folder (see unstaged).
   */
  session?: { cache?: BuildCache; stamps?: FileStamps; memo?: BuildMemo; staged?: Map<string, string> };
  /** Told every problem of the build, errors and warnings, located (the dev server's overlay). */
  onProblems?: (problems: ContentError[]) => void;
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

type LocalKv = Awaited<ReturnType<typeof openLocalKv>>;

async function withTarget<T>(opts: BuildCliOptions, use: (t: KvTarget) => Promise<T>, localKv?: Promise<LocalKv>): Promise<T> {
  if (opts.deployDryRun) {
    const target = await folderTarget(join(opts.deployDryRun, "kv"));
    const out = await use(target);
    const { files, keys, bytes } = target.counts();
    console.log(`dry run: ${keys} keys (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${files} \`wrangler kv bulk put\` files under ${join(opts.deployDryRun, "kv")}, the pointer last; static files in ${opts.publicDir}; nothing was uploaded`);
    return out;
  }
  if (opts.target) return use(opts.target);
  if (localKv) return use((await localKv).target);
  return opts.remote ? use(remoteTarget()) : withLocalKv(opts.persistTo, use);
}

/** What `files` stages, as a comparable text: a copy's source path and stamp, or the text itself. */
async function stagedForms(files: PublicFiles): Promise<Map<string, string>> {
  const forms = new Map<string, string>();
  await Promise.all([...files.copies].map(async ([rel, src]) => {
    const { size, mtimeMs } = await stat(src);
    forms.set(rel, `copy\0${src}\0${size}\0${mtimeMs}`);
  }));
  for (const [rel, text] of files.texts) forms.set(rel, `text\0${text}`);
  return forms;
}

/**
 * The part of `files` a dev session did not stage already (`staged`: what its
 * last stage wrote): comparing ~30 library files byte for byte costs up to a
 * second per build. A copy counts as staged while its source's stamp is the same.
 */
function unstaged(files: PublicFiles, forms: ReadonlyMap<string, string>, staged: ReadonlyMap<string, string> | undefined): PublicFiles {
  const fresh = (rel: string) => staged?.get(rel) !== forms.get(rel);
  return {
    copies: new Map([...files.copies].filter(([rel]) => fresh(rel))),
    texts: new Map([...files.texts].filter(([rel]) => fresh(rel))),
  };
}

/** Where a build publishes, as its messages name it. */
const where = (opts: BuildCliOptions): string => (opts.deployDryRun ? "the dry-run folder" : opts.remote ? "Cloudflare KV" : "local KV");

/** Run a build; returns the process exit code. */
export async function runBuild(opts: BuildCliOptions): Promise<number> {
  if (opts.rollback) {
    const { from, to } = await withTarget(opts, rollback);
    console.log(`rolled back ${where(opts)}: ${from} → ${to}`);
    return 0;
  }
  // Local KV (Miniflare and its workerd process) starts while the build runs: off an edit's critical path.
  const localKv = opts.dryRun || opts.deployDryRun || opts.target || opts.remote ? undefined : openLocalKv(opts.persistTo);
  localKv?.catch(() => {}); // Its failure is reported when the publish awaits it.
  try {
    return await buildAndPublish(opts, localKv);
  } finally {
    await localKv?.then((kv) => kv.dispose(), () => {});
  }
}

async function buildAndPublish(opts: BuildCliOptions, localKv: Promise<LocalKv> | undefined): Promise<number> {
  const started = performance.now();

  // Stat-based skipping: with the cache, a post file whose size and mtime are unchanged is not read.
  const stamps = opts.noCache ? undefined : opts.session?.stamps ?? (await FileStamps.open(resolve(opts.content)));
  const loaded = await loadContent(resolve(opts.content), stamps ? { stamps } : {});
  if (opts.session) opts.session.stamps = stamps;
  else await stamps?.save().catch((err: Error) => console.error(`warning: the file stamps were not saved: ${err.message}`));
  const cache = opts.noCache ? undefined : await BuildCache.open(resolve(opts.content), cacheEpochInputs(loaded.source), undefined, opts.session?.cache);
  const memo = opts.session ? (opts.session.memo ??= buildMemo()) : undefined;
  const result = await buildSite(loaded.source, { drafts: opts.drafts, ...(cache ? { cache } : {}), ...(memo ? { memo } : {}) });
  if (opts.session) opts.session.cache = cache;
  else await cache?.save().catch((err: Error) => console.error(`warning: the build cache was not saved: ${err.message}`));
  const errors = result.problems.filter((p) => p.severity === "error");
  opts.onProblems?.(result.problems);
  for (const p of sortProblems(result.problems)) console.error(formatContentError(p));
  for (const line of [...problemSummary(result.problems, "error"), ...problemSummary(result.problems, "warning")]) console.error(line);
  if (!result.bundle || errors.length) {
    console.error(`\n${errors.length} error${errors.length === 1 ? "" : "s"}: nothing was published; the live version is unchanged.`);
    return 1;
  }
  const { bundle } = result;
  const held = heldBackNote(result.heldBack);
  if (held) console.log(held);
  const rendered = cache ? `; ${cache.stats.misses} rendered, ${cache.stats.hits} unchanged from the build cache` : "";
  const summary = `${result.published.length} posts, ${bundle.pages} pages${rendered}`;
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
  const forms = opts.session ? await stagedForms(files) : undefined;
  await stagePublic(publicDir, forms ? unstaged(files, forms, opts.session?.staged) : files);
  if (opts.session && forms) opts.session.staged = forms;
  // Static Assets reach Cloudflare with a deploy; KV content does not need one.
  // Deployed before the pointer moves, so a new post's images are there when it goes live.
  if (opts.remote && !opts.deployDryRun) execFileSync("npx", ["wrangler", "deploy", "--var", `ENGINE_BUILD:${engineBuildId()}`], { stdio: "inherit" });

  const report = await withTarget(opts, async (target) => {
    try {
      // Each remote read is a wrangler process, and a dev session wrote its local keys itself: a smaller sample there.
      return await publish(target, bundle, opts.verifyAll ? { verify: "all" } : opts.remote || opts.session ? { sampleSize: 16 } : {});
    } catch (err) {
      const live = await readLive(target).catch(() => null);
      throw new Error(`publishing failed: ${(err as Error).message}\nthe live version is still ${live?.version ?? "(none)"}`);
    }
  }, localKv);
  opts.onPublished?.(report);
  await prunePublic(publicDir, files);
  const ms = Math.round(performance.now() - started);
  if (report.pointer === "garbled") console.log(`the pointer \`live\` was unreadable: replaced it, with the versions still stored as its history`);
  if (report.repaired.length) console.log(`repaired ${report.repaired.length} missing or damaged key${report.repaired.length === 1 ? "" : "s"} (first: ${report.repaired[0]})`);
  if (report.unchanged) console.log(`version ${report.version} (${summary}) is already live on ${where(opts)} and intact (${report.verified} stored keys checked); nothing to write (${ms} ms)`);
  else console.log(`${opts.deployDryRun ? "would publish" : "published"} version ${report.version} ${opts.deployDryRun ? `(written to ${where(opts)} only)` : `to ${where(opts)}`}: ${summary}; ${report.written} keys written, ${report.reused} unchanged pages and shards reused (${report.verified} checked), ${report.deleted} old keys deleted (${ms} ms)`);
  return 0;
}

