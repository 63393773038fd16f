/**
 * The build cache: each post's step result (post-step.ts) kept between builds
 * in `node_modules/.cache/edgefolio/`, in SHARDS files per content folder
 * (a post's file by the hash of its path), so an unchanged post is neither
 * parsed nor rendered again, and saving after a one-post edit rewrites one
 * file of 1/SHARDS of the cache (~2 MB for 10,000 posts) instead of all of it.
 * A shard that is missing, unreadable or of another epoch only costs its
 * posts a render.
 *
 * A result is reused when the post file's text hashes the same and every
 * question the step asked (does this asset exist, what is its text, where is
 * that other post, how big is that picture) has the same answer. The whole
 * cache is dropped when its epoch changes: the engine (hash of src/, scripts/
 * and package-lock.json), site.yml, or any bibliography file (the site-wide
 * `_bibliography/papers.bib` included).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PostStepResult, StepCache, StepLookups } from "./post-step.ts";
import type { BibProblem } from "./bibtex.ts";
import type { ContentSource } from "./build-site.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const CACHE_DIR = join(REPO, "node_modules", ".cache", "edgefolio");

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

let engineHash: Promise<string> | undefined;
/** Hash of the engine's code and locked dependencies: new code renders anew. Computed once per process. */
export function engineFingerprint(): Promise<string> {
  engineHash ??= (async () => {
    const h = createHash("sha256");
    const files = [...(await filesUnder(join(REPO, "src"))), ...(await filesUnder(join(REPO, "scripts"))), join(REPO, "package-lock.json")];
    for (const f of files) h.update(relative(REPO, f)).update("\0").update(await readFile(f).catch(() => Buffer.alloc(0))).update("\0");
    return h.digest("hex");
  })();
  return engineHash;
}

/** What besides a post's own text its step depends on: site.yml and every bibliography. */
export function cacheEpochInputs(source: ContentSource): string[] {
  const bibs = Object.entries(source.bibliographyFiles ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return [source.site?.text ?? "", source.bibliographies.join("\n"), ...bibs.flatMap(([name, f]) => [name, f.text]), source.siteBibliography?.text ?? ""];
}

/** A question the step asked and its answer: asset exists, asset text (hashed), another post's URL, a picture's size (JSON). */
type Asked = ["exists", string, boolean] | ["text", string, string | null] | ["url", string, string | null] | ["size", string, string | null];

interface Entry {
  /** SHA-256 of the post file's text. */
  text: string;
  asked: Asked[];
  result: PostStepResult;
}

function answer(lookups: StepLookups, [kind, arg]: Asked): boolean | string | null {
  if (kind === "exists") return lookups.assetExists(arg);
  if (kind === "url") return lookups.postUrl(arg) ?? null;
  if (kind === "size") return sizeAnswer(lookups.imageSize?.(arg));
  const text = lookups.readAsset?.(arg);
  return text === undefined ? null : sha(text);
}

const sizeAnswer = (size: unknown): string | null => (size === undefined ? null : JSON.stringify(size));

interface CacheFile {
  epoch: string;
  entries: Record<string, Entry>;
  /** Problems of each bibliography file, parsed once per epoch (kept in shard 0). */
  bibliographies: Record<string, BibProblem[]>;
}

/** Files the cache of one content folder is cut into. */
export const SHARDS = 32;

/** The shard that keeps `file`'s entry. */
const shardOf = (file: string): number => parseInt(sha(file).slice(0, 8), 16) % SHARDS;

/** A shard file's data, or null when it is missing, unreadable, or not of `epoch`. */
async function readShard(path: string, epoch: string): Promise<CacheFile | null> {
  try {
    const data = JSON.parse(await readFile(path, "utf8")) as CacheFile;
    const valid = data.epoch === epoch && typeof data.entries === "object" && data.entries !== null && typeof data.bibliographies === "object" && data.bibliographies !== null;
    return valid ? data : null;
  } catch {
    return null;
  }
}

const shardPath = (prefix: string, i: number): string => `${prefix}-${i.toString().padStart(2, "0")}.json`;

export interface CacheStats {
  hits: number;
  misses: number;
}

export class BuildCache implements StepCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  /** Shards to write back; every shard once the cache is new (epoch changed, nothing kept). */
  private readonly dirty = new Set<number>();
  private readonly used = new Set<string>();
  private readonly shardOfFile = new Map<string, number>();

  /** `path`: the shard files' common prefix (`…/posts-<folder hash>`), null for a cache that keeps nothing. */
  private constructor(private readonly path: string | null, private data: CacheFile) {}

  private markDirty(file: string): void {
    let shard = this.shardOfFile.get(file);
    if (shard === undefined) this.shardOfFile.set(file, (shard = shardOf(file)));
    this.dirty.add(shard);
  }

  /** A cache that keeps nothing (`--no-cache`, tests). */
  static disabled(): BuildCache {
    return new BuildCache(null, { epoch: "", entries: {}, bibliographies: {} });
  }

  /**
   * Open the cache of `contentDir` for a build whose inputs other than the
   * posts are `epochInputs` (site.yml text, bibliography texts…); `previous`,
   * the cache of the process's last build, is reused when still valid.
   */
  static async open(contentDir: string, epochInputs: readonly string[], dir = CACHE_DIR, previous?: BuildCache): Promise<BuildCache> {
    const epoch = sha([await engineFingerprint(), ...epochInputs.map(sha)].join("\n"));
    const path = join(dir, `posts-${sha(resolve(contentDir)).slice(0, 16)}`);
    // A long-running process (npm run dev) keeps its cache in memory between builds of one epoch.
    if (previous && previous.path === path && previous.data.epoch === epoch) {
      previous.stats.hits = 0;
      previous.stats.misses = 0;
      previous.used.clear();
      return previous;
    }
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, i) => readShard(shardPath(path, i), epoch)));
    const data: CacheFile = { epoch, entries: {}, bibliographies: shards[0]?.bibliographies ?? {} };
    const cache = new BuildCache(path, data);
    shards.forEach((shard, i) => {
      // A shard that was not read (or of another epoch) is written back, even if it stays empty.
      if (!shard) return cache.dirty.add(i);
      for (const [file, entry] of Object.entries(shard.entries)) {
        data.entries[file] = entry;
        cache.shardOfFile.set(file, i);
      }
    });
    return cache;
  }

  /** The cached step result of `file`, if still valid for its text (`hash`: its SHA-256) and the answers `lookups` give now. */
  get(file: string, hash: string, lookups: StepLookups): PostStepResult | undefined {
    const entry = this.data.entries[file];
    if (!entry || entry.text !== hash || !entry.asked.every((q) => answer(lookups, q) === q[2])) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.used.add(file);
    return entry.result;
  }

  /** Run `step` with lookups that record what it asks, and keep the result under `hash` (the SHA-256 of the post's text). */
  run(file: string, hash: string, lookups: StepLookups, step: (lookups: StepLookups) => PostStepResult): PostStepResult {
    const asked: Asked[] = [];
    const recorded: StepLookups = {
      assetExists: (p) => {
        const exists = lookups.assetExists(p);
        asked.push(["exists", p, exists]);
        return exists;
      },
      postUrl: (name) => {
        const url = lookups.postUrl(name);
        asked.push(["url", name, url ?? null]);
        return url;
      },
      ...(lookups.imageSize
        ? {
            imageSize: (p: string) => {
              const size = lookups.imageSize!(p);
              asked.push(["size", p, sizeAnswer(size)]);
              return size;
            },
          }
        : {}),
      ...(lookups.readAsset
        ? {
            readAsset: (p: string) => {
              const t = lookups.readAsset!(p);
              asked.push(["text", p, t === undefined ? null : sha(t)]);
              return t;
            },
          }
        : {}),
    };
    const result = step(recorded);
    if (this.path) {
      this.data.entries[file] = { text: hash, asked, result };
      this.used.add(file);
      this.markDirty(file);
    }
    return result;
  }

  /** Bibliography problems cached for this epoch, or computed by `parse` and kept. */
  bibliographyProblems(name: string, parse: () => BibProblem[]): BibProblem[] {
    const known = this.data.bibliographies[name];
    if (known) return known;
    const problems = parse();
    this.data.bibliographies[name] = problems;
    this.dirty.add(0);
    return problems;
  }

  /** Write the changed shards back (each atomically), dropping entries of files that are gone. */
  async save(): Promise<void> {
    if (!this.path) return;
    for (const file of Object.keys(this.data.entries)) {
      if (!this.used.has(file)) {
        this.markDirty(file);
        delete this.data.entries[file];
      }
    }
    if (!this.dirty.size) return;
    const shards = new Map([...this.dirty].map((i): [number, CacheFile] => [i, { epoch: this.data.epoch, entries: {}, bibliographies: i === 0 ? this.data.bibliographies : {} }]));
    for (const [file, entry] of Object.entries(this.data.entries)) {
      let shard = this.shardOfFile.get(file);
      if (shard === undefined) this.shardOfFile.set(file, (shard = shardOf(file)));
      const data = shards.get(shard);
      if (data) data.entries[file] = entry;
    }
    await mkdir(dirname(this.path), { recursive: true });
    await Promise.all([...shards].map(async ([i, data]) => {
      const path = shardPath(this.path!, i);
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, path);
    }));
    // A new cache: the single file of the layout before shards goes.
    if (shards.size === SHARDS) await rm(`${this.path}.json`, { force: true });
    this.dirty.clear();
  }
}
