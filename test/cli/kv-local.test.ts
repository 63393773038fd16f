/**
 * The local KV write path (scripts/lib/kv-local.ts: our own Miniflare, a small
 * worker taking batches) against what wrangler itself reads: every value
 * written is read back through wrangler's platform proxy on the same
 * persistence folder, the reader `wrangler dev` uses. Batching edges: more
 * keys than one request carries, a value larger than a batch, bulk reads past
 * KV's 100-key limit, listings past KV's 1,000-key page, deletes.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { openLocalKv } from "../../scripts/lib/kv-local.ts";
import type { KvEntry } from "../../src/store/bundle.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-kv-local-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// 2,500 keys: three listing pages, several write requests; values with text that is not ASCII.
const entries: KvEntry[] = Array.from({ length: 2500 }, (_, i) => ({ key: `t/${String(i).padStart(5, "0")}`, value: `värde ${i} — ${"∑".repeat(i % 7)}` }));
// Over one request's byte budget on its own (8 MB): sent alone, stored whole.
const big: KvEntry = { key: "t/big", value: "ß".repeat(5 * 1024 * 1024) };

it("what it writes is what wrangler's own local KV reads, listed, read in bulk and deleted", async () => {
  const kv = await openLocalKv(join(dir, "state"));
  try {
    await kv.target.putMany([...entries, big]);
    const listed = await kv.target.listKeys("t/");
    expect(listed.size).toBe(entries.length + 1);
    const keys = [...entries.map((e) => e.key), "t/absent", big.key];
    const values = await kv.target.getMany!(keys);
    expect(values.slice(0, entries.length)).toEqual(entries.map((e) => e.value));
    expect(values[entries.length]).toBeNull();
    expect(values[entries.length + 1]).toBe(big.value);
    expect(await kv.target.get("t/00042")).toBe(entries[42]!.value);
    expect(await kv.target.get("t/absent")).toBeNull();
  } finally {
    await kv.dispose();
  }

  // wrangler's reader, on the folder `--persist-to` names, after our runtime is gone.
  const proxy = await getPlatformProxy<{ CONTENT: KVNamespace }>({ configPath: "wrangler.toml", persist: { path: join(dir, "state", "v3") } });
  try {
    for (const i of [0, 999, 1000, 2499]) expect(await proxy.env.CONTENT.get(entries[i]!.key, "text")).toBe(entries[i]!.value);
    expect(await proxy.env.CONTENT.get(big.key, "text")).toBe(big.value);
  } finally {
    await proxy.dispose();
  }

  const again = await openLocalKv(join(dir, "state"));
  try {
    await again.target.deleteMany(entries.slice(0, 1500).map((e) => e.key));
    const left = await again.target.listKeys("t/");
    expect(left.size).toBe(1001);
    expect(left.has("t/01499")).toBe(false);
    expect(left.has("t/01500")).toBe(true);
  } finally {
    await again.dispose();
  }
}, 180_000);
