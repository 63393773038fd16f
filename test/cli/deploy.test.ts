/** `npm run deploy -- --dry-run DIR`: offline, it writes exactly the bulk files a deploy uploads, the pointer last. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureSite, runCli } from "./cli-helpers.ts";
import type { KvEntry } from "../../src/store/bundle.ts";
import { parseManifest } from "../../scripts/lib/publish.ts";
import type { RouteShard } from "../../src/store/types.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-deploy-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("writes the KV bulk files and the static files, and prints the counts", async () => {
  const out = join(dir, "out");
  const r = await runCli(["--content", fixtureSite("basic"), "--dry-run", out], "scripts/deploy.ts");
  expect(r.code, r.stderr).toBe(0);
  const files = (await readdir(join(out, "kv"))).sort();
  const chunks = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(out, "kv", f), "utf8")) as KvEntry[]));
  const keys = chunks.flat();
  expect(r.stdout).toContain(`dry run: ${keys.length} keys`);
  expect(r.stdout).toContain(`in ${files.length} \`wrangler kv bulk put\` files`);
  // A dry run never says it published.
  expect(r.stdout).toMatch(/would publish version [0-9a-f]{16} \(written to the dry-run folder only\)/);
  expect(r.stdout).not.toMatch(/^published/m);
  // The pointer alone in the last file; every key once; every page and shard the pointer needs is uploaded before it.
  expect(chunks.at(-1)!.map((e) => e.key)).toEqual(["live"]);
  expect(new Set(keys.map((e) => e.key)).size).toBe(keys.length);
  const live = parseManifest(chunks.at(-1)![0]!.value)!;
  for (const hash of live.shards) expect(keys.some((e) => e.key === `shard/${hash}`)).toBe(true);
  // And the blob (a pack, or a big page's own) of every route those shards hold.
  const uploaded = new Set(keys.map((e) => e.key));
  const routes = live.shards.flatMap((hash) => Object.values(JSON.parse(keys.find((e) => e.key === `shard/${hash}`)!.value) as RouteShard));
  expect(routes.length).toBeGreaterThan(20);
  for (const route of routes) if (route.kind !== "redirect") expect(uploaded.has(`blob/${route.blob}`)).toBe(true);
  expect(chunks.every((c) => c.length <= 10_000)).toBe(true);
  // The static files wrangler deploy would upload.
  expect(await readdir(join(out, "public", "assets", "img"))).toContain("dot.png");
});

it("a real deploy with wrangler.toml's placeholder namespace id stops before building or uploading", async () => {
  const r = await runCli(["--content", fixtureSite("basic")], "scripts/deploy.ts");
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^wrangler\.toml:\d+:7: error: the CONTENT KV namespace id is `edgefolio-content`/m);
  expect(r.stdout).not.toMatch(/posts|publish/);
});
