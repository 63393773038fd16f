/**
 * File stamps: what the last load of a content folder learned about each post
 * file, its (size, mtimeMs) and the SHA-256 of its text, kept between builds
 * in `node_modules/.cache/edgefolio/` (one small file per content folder), so
 * a build stats every post but reads only the files whose stamp changed.
 *
 * A file rewritten with the same size and the same modification time is taken
 * as unchanged: the accepted limit of every stat-based build tool (make, Hugo,
 * git's index). Like git, a stamp is trusted only when it was taken well after
 * the file's modification time, so a save within the file system's timestamp
 * granularity of the previous load is read again; `--no-cache` reads every file.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { CACHE_DIR } from "./build-cache.ts";

/** A stamp taken within this many milliseconds of the file's mtime is not trusted (coarse timestamps: FAT's 2 s). */
const RACY_MS = 2_000;

interface Stamp {
  size: number;
  mtimeMs: number;
  /** Full lowercase hex SHA-256 of the file's UTF-8 text. */
  hash: string;
  /** When the stamp was taken (Date.now() before the file was read). */
  at: number;
}

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

export class FileStamps {
  private readonly seen = new Set<string>();
  private dirty = false;

  private constructor(private readonly path: string | null, private readonly stamps: Map<string, Stamp>) {}

  /** Stamps kept in memory only (tests, one-off loads). */
  static memory(): FileStamps {
    return new FileStamps(null, new Map());
  }

  /** The stamps of `contentDir` saved by an earlier build (none when absent or unreadable). */
  static async open(contentDir: string, dir = CACHE_DIR): Promise<FileStamps> {
    const path = join(dir, `files-${sha(resolve(contentDir)).slice(0, 16)}.json`);
    const stamps = new Map<string, Stamp>();
    try {
      const data = JSON.parse(await readFile(path, "utf8")) as Record<string, Stamp>;
      for (const [file, s] of Object.entries(data)) {
        if (typeof s?.hash === "string" && typeof s.size === "number" && typeof s.mtimeMs === "number" && typeof s.at === "number") stamps.set(file, s);
      }
    } catch {
      // No stamps yet, or unreadable: every file is read.
    }
    return new FileStamps(path, stamps);
  }

  /** A load begins: what save() keeps is what this load sees. */
  beginLoad(): void {
    this.seen.clear();
  }

  /** The hash of `file`'s text when its stamp is unchanged and trustworthy, else undefined (read the file). */
  known(file: string, size: number, mtimeMs: number): string | undefined {
    this.seen.add(file);
    const s = this.stamps.get(file);
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs || s.at - mtimeMs < RACY_MS) return undefined;
    return s.hash;
  }

  /** Record what a read found: `size` and `mtimeMs` stat'ed at `at`, before the read of `text`. */
  record(file: string, size: number, mtimeMs: number, text: string, at: number): string {
    const hash = sha(text);
    this.seen.add(file);
    this.stamps.set(file, { size, mtimeMs, hash, at });
    this.dirty = true;
    return hash;
  }

  /** Write the stamps back (atomically), dropping files the last load did not see. */
  async save(): Promise<void> {
    for (const file of this.stamps.keys()) {
      if (!this.seen.has(file)) {
        this.stamps.delete(file);
        this.dirty = true;
      }
    }
    if (!this.path || !this.dirty) return;
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(Object.fromEntries(this.stamps)));
    await rename(tmp, this.path);
    this.dirty = false;
  }
}
