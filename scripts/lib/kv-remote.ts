/**
 * Cloudflare KV through the wrangler CLI (`--remote`), so credentials and the
 * namespace id come from `wrangler login` and wrangler.toml as for any deploy.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { KvTarget } from "./publish.ts";
import { bulkChunks } from "./kv-bulk.ts";

const run = promisify(execFile);
const WRANGLER = ["wrangler", "kv"];
const BATCH = 5000; // Below the bulk API's 10,000-pair limit.

async function wrangler(args: string[]): Promise<string> {
  const { stdout } = await run("npx", [...WRANGLER, ...args, "--binding", "CONTENT", "--remote"], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

export function remoteTarget(): KvTarget {
  return {
    async get(key) {
      try {
        return await wrangler(["key", "get", key, "--text"]);
      } catch (err) {
        if (/not found/i.test(String((err as { stderr?: string }).stderr ?? err))) return null;
        throw err;
      }
    },
    async putMany(entries) {
      const dir = await mkdtemp(join(tmpdir(), "edgefolio-kv-"));
      try {
        let n = 0;
        for (const chunk of bulkChunks(entries)) {
          const file = join(dir, `batch-${n++}.json`);
          await writeFile(file, JSON.stringify(chunk));
          await wrangler(["bulk", "put", file]);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async deleteMany(keys) {
      if (keys.length === 0) return;
      const dir = await mkdtemp(join(tmpdir(), "edgefolio-kv-"));
      try {
        for (let i = 0; i < keys.length; i += BATCH) {
          const file = join(dir, `delete-${i}.json`);
          await writeFile(file, JSON.stringify(keys.slice(i, i + BATCH)));
          await wrangler(["bulk", "delete", file, "--force"]);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async listKeys(prefix) {
      const keys = JSON.parse(await wrangler(["key", "list", "--prefix", prefix])) as { name: string }[];
      return new Set(keys.map((k) => k.name));
    },
  };
}
