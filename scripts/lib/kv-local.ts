/**
 * Local KV: the persistence `wrangler dev` reads (`.wrangler/state/v3` by
 * default, `<dir>/v3` with `--persist-to <dir>`), with the namespace ids
 * wrangler.toml gives (read by wrangler's own config code, kept between
 * builds: see wrangler-options.ts), so `npm start`
 * serves what was written. A running `wrangler dev` sees writes without a
 * restart: both runtimes use the same SQLite file and blob folder.
 *
 * Why a Miniflare of our own and not wrangler's `getPlatformProxy`: every KV
 * call through the platform proxy is a round trip from Node into workerd, and
 * a full publish of 10,000 posts makes ~13,000 of them. Here a small worker
 * (`LOCAL_KV_WORKER`) receives a batch of entries per request and does the
 * puts inside the runtime. What remains per key is Miniflare's KV storage
 * itself (a blob file and one SQLite commit, fsynced, per put; see
 * BENCHMARKS.md, "Publish"). Miniflare runs in a worker thread
 * (kv-local-thread.mjs), so loading it and serving it overlap the build.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { localKvOptions } from "./wrangler-options.ts";
import type { KvEntry } from "../../src/store/bundle.ts";
import type { KvTarget } from "./publish.ts";
import { sizedBatches } from "./kv-bulk.ts";

/** The binding wrangler.toml gives the content namespace (src/env.ts). */
const BINDING = "CONTENT";
/** Puts and deletes the worker keeps in flight (one namespace: they queue on its storage anyway). */
const IN_FLIGHT = 32;
/** Entries and bytes per request from Node into the runtime. */
const BATCH_KEYS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;
/** KV's bulk read takes at most 100 keys (Miniflare's namespace object checks it). */
const GET_KEYS = 100;

/**
 * The worker inside the runtime: POST /put [{key, value}…], POST /get [key…] → [value|null…],
 * POST /delete [key…], GET /list?prefix=P → [key…] (every page). Errors answer 500 with the message.
 */
const LOCAL_KV_WORKER = `
const IN_FLIGHT = ${IN_FLIGHT}, GET_KEYS = ${GET_KEYS};
async function each(items, step) {
  for (let i = 0; i < items.length; i += IN_FLIGHT) await Promise.all(items.slice(i, i + IN_FLIGHT).map(step));
}
export default {
  async fetch(request, env) {
    const kv = env.${BINDING};
    const { pathname, searchParams } = new URL(request.url);
    try {
      if (pathname === "/put") {
        await each(await request.json(), (e) => kv.put(e.key, e.value));
        return Response.json(null);
      }
      if (pathname === "/delete") {
        await each(await request.json(), (k) => kv.delete(k));
        return Response.json(null);
      }
      if (pathname === "/get") {
        const keys = await request.json(), out = [];
        for (let i = 0; i < keys.length; i += GET_KEYS) {
          const chunk = keys.slice(i, i + GET_KEYS);
          const found = await kv.get(chunk, "text");
          for (const k of chunk) out.push(found.get(k) ?? null);
        }
        return Response.json(out);
      }
      if (pathname === "/list") {
        const prefix = searchParams.get("prefix") ?? "", keys = [];
        let cursor;
        do {
          const page = await kv.list(cursor ? { prefix, cursor } : { prefix });
          for (const k of page.keys) keys.push(k.name);
          cursor = page.list_complete ? undefined : page.cursor;
        } while (cursor);
        return Response.json(keys);
      }
      return new Response("unknown path " + pathname, { status: 404 });
    } catch (err) {
      return new Response(String(err && err.stack || err), { status: 500 });
    }
  },
};
`;

export async function withLocalKv<T>(persistTo: string | undefined, use: (target: KvTarget) => Promise<T>): Promise<T> {
  const kv = await openLocalKv(persistTo);
  try {
    return await use(kv.target);
  } finally {
    await kv.dispose();
  }
}

/** Consecutive requests of at most BATCH_KEYS items and about BATCH_BYTES. */
const batches = <T>(items: readonly T[], size: (item: T) => number): T[][] => sizedBatches(items, size, BATCH_KEYS, BATCH_BYTES);

interface ThreadAnswer {
  id: number;
  ok: boolean;
  text: string;
}

/**
 * Miniflare started with `options` in a worker thread (kv-local-thread.mjs):
 * `request(path, body)` sends one request to its worker. Rejects when
 * Miniflare does not start; a request rejects if the thread dies.
 */
async function miniflareThread(options: object): Promise<{ request: (path: string, body: string | undefined) => Promise<{ ok: boolean; text: string }>; dispose: () => Promise<void> }> {
  // No inherited loader flags: the thread runs plain JavaScript.
  const worker = new Worker(new URL("./kv-local-thread.mjs", import.meta.url), { workerData: options, execArgv: [] });
  const pending = new Map<number, { resolve: (a: ThreadAnswer) => void; reject: (err: Error) => void }>();
  let failure: Error | undefined;
  let ended = false;
  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", () => {
    ended = true;
    fail(new Error("the local KV thread ended"));
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", (m: { ready?: true; error?: string }) => (m.ready ? resolve() : reject(new Error(`local KV did not start: ${m.error}`))));
    worker.once("error", reject);
  }).catch(async (err: Error) => {
    await worker.terminate();
    throw err;
  });
  worker.on("message", (m: ThreadAnswer) => {
    pending.get(m.id)?.resolve(m);
    pending.delete(m.id);
  });
  let next = 0;
  return {
    request: (path, body) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, path, body });
      }),
    dispose: async () => {
      if (ended) return;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage({ dispose: true });
      await exited;
    },
  };
}

/**
 * Local KV kept open until `dispose()` (the dev server publishes through one
 * runtime for a whole session). `persistTo` as wrangler's `--persist-to`
 * (default `.wrangler/state`); wrangler.toml is read from the working directory.
 * Every method throws an Error with the runtime's message when a KV call fails.
 */
export async function openLocalKv(persistTo: string | undefined): Promise<{ target: KvTarget; dispose: () => Promise<void> }> {
  const workerOptions = await localKvOptions("wrangler.toml");
  if (!workerOptions.kvNamespaces || !(BINDING in (workerOptions.kvNamespaces as object))) {
    throw new Error(`wrangler.toml has no [[kv_namespaces]] entry with binding = "${BINDING}"`);
  }
  const mf = await miniflareThread({
    modules: true,
    script: LOCAL_KV_WORKER,
    compatibilityDate: workerOptions.compatibilityDate ?? "2026-04-20",
    kvNamespaces: workerOptions.kvNamespaces,
    defaultPersistRoot: join(persistTo ?? ".wrangler/state", "v3"),
  });

  async function call<T>(path: string, body?: unknown): Promise<T> {
    const { ok, text } = await mf.request(path, body === undefined ? undefined : JSON.stringify(body));
    if (!ok) throw new Error(`local KV ${path.split("?")[0]} failed: ${text}`);
    return JSON.parse(text) as T;
  }
  const entryBytes = (e: KvEntry) => e.key.length + e.value.length * 3 + 16;
  const keyBytes = (k: string) => k.length * 3 + 4;

  const target: KvTarget = {
    async get(key) {
      return (await call<(string | null)[]>("/get", [key]))[0] ?? null;
    },
    async getMany(keys) {
      const out: (string | null)[] = [];
      for (const chunk of batches(keys, keyBytes)) out.push(...(await call<(string | null)[]>("/get", chunk)));
      return out;
    },
    async putMany(entries) {
      for (const chunk of batches(entries, entryBytes)) await call("/put", chunk);
    },
    async deleteMany(keys) {
      for (const chunk of batches(keys, keyBytes)) await call("/delete", chunk);
    },
    async listKeys(prefix) {
      return new Set(await call<string[]>(`/list?prefix=${encodeURIComponent(prefix)}`));
    },
  };
  return { target, dispose: () => mf.dispose() };
}
