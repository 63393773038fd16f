/**
 * What local KV needs from wrangler.toml (the compatibility date and the KV
 * namespaces), as wrangler's own config code reads it, kept in the build's
 * cache folder under the hash of the file's path and text and of wrangler's
 * version. Importing wrangler takes 1–3 s of a build process's start-up (its
 * bundle is tens of megabytes), more than all the rest of a one-post edit, so
 * a build imports it only when wrangler.toml or wrangler changed.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkerOptions } from "miniflare";
import { CACHE_DIR } from "./build-cache.ts";

/** The part of wrangler's Miniflare worker options local KV uses (see kv-local.ts). */
export interface LocalKvOptions {
  compatibilityDate?: string;
  kvNamespaces?: WorkerOptions["kvNamespaces"];
}

const WRANGLER_PACKAGE = fileURLToPath(new URL("../../node_modules/wrangler/package.json", import.meta.url));

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

/** wrangler's answer, importing it (slow). */
async function fromWrangler(configPath: string): Promise<LocalKvOptions> {
  const { unstable_getMiniflareWorkerOptions } = await import("wrangler");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
  return {
    ...(workerOptions.compatibilityDate ? { compatibilityDate: workerOptions.compatibilityDate } : {}),
    ...(workerOptions.kvNamespaces ? { kvNamespaces: workerOptions.kvNamespaces } : {}),
  };
}

const isOptions = (v: unknown): v is LocalKvOptions =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  ((v as LocalKvOptions).compatibilityDate === undefined || typeof (v as LocalKvOptions).compatibilityDate === "string") &&
  ((v as LocalKvOptions).kvNamespaces === undefined || typeof (v as LocalKvOptions).kvNamespaces === "object");

/**
 * Local KV's options from the wrangler config at `configPath` (relative to the
 * working directory, as wrangler reads it). Kept in `dir`; a missing or
 * unreadable kept copy is made again by wrangler. Throws what wrangler throws
 * for a bad config; failing to keep the copy is not an error.
 */
export async function localKvOptions(configPath = "wrangler.toml", dir = CACHE_DIR): Promise<LocalKvOptions> {
  let key: string;
  try {
    const [config, wrangler] = await Promise.all([readFile(configPath, "utf8"), readFile(WRANGLER_PACKAGE, "utf8")]);
    key = sha([resolve(configPath), config, wrangler].map(sha).join("\n"));
  } catch {
    // No config (or no wrangler): wrangler says what is wrong.
    return fromWrangler(configPath);
  }
  const path = join(dir, `wrangler-${key.slice(0, 16)}.json`);
  try {
    const kept: unknown = JSON.parse(await readFile(path, "utf8"));
    if (isOptions(kept)) return kept;
  } catch {
    // Not kept yet, or unreadable: ask wrangler.
  }
  const options = await fromWrangler(configPath);
  try {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(options));
    await rename(tmp, path);
  } catch {
    // A read-only cache folder costs the next build the import, nothing more.
  }
  return options;
}
