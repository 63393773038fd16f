/**
 * A KvTarget that writes to a folder instead of KV: `npm run deploy -- --dry-run`.
 * It starts empty (as a new namespace) and writes each `putMany` as the
 * files `wrangler kv bulk put` would be given, numbered in upload order and
 * cut within Cloudflare's limits (kv-bulk.ts), so the folder holds exactly
 * what a deploy to an empty namespace uploads, the pointer in the last file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { KvTarget } from "./publish.ts";
import { bulkChunks } from "./kv-bulk.ts";

export interface FolderTarget extends KvTarget {
  /** Files written, keys and bytes (values and keys, UTF-8). */
  counts(): { files: number; keys: number; bytes: number };
}

export async function folderTarget(dir: string): Promise<FolderTarget> {
  await mkdir(dir, { recursive: true });
  const stored = new Map<string, string>();
  let files = 0;
  let keys = 0;
  let bytes = 0;
  return {
    get: async (key) => stored.get(key) ?? null,
    getMany: async (list) => list.map((k) => stored.get(k) ?? null),
    async putMany(entries) {
      for (const chunk of bulkChunks(entries)) {
        files++;
        await writeFile(join(dir, `bulk-${String(files).padStart(3, "0")}.json`), JSON.stringify(chunk));
        for (const e of chunk) {
          stored.set(e.key, e.value);
          keys++;
          bytes += Buffer.byteLength(e.key) + Buffer.byteLength(e.value);
        }
      }
    },
    listKeys: async (prefix) => new Set([...stored.keys()].filter((k) => k.startsWith(prefix))),
    deleteMany: async () => {},
    counts: () => ({ files, keys, bytes }),
  };
}
