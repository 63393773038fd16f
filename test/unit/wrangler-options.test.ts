/**
 * Local KV's options from wrangler.toml (scripts/lib/wrangler-options.ts): the
 * answer wrangler's config code gives, kept by the config's text so a build
 * does not import wrangler; a changed config or a damaged kept copy asks again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { localKvOptions } from "../../scripts/lib/wrangler-options.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-wrangler-options-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const config = (id: string) => `name = "options-test"\ncompatibility_date = "2026-01-15"\n\n[[kv_namespaces]]\nbinding = "CONTENT"\nid = "${id}"\n`;

describe("local KV options", () => {
  it("are wrangler's reading of the repository's wrangler.toml", async () => {
    const { workerOptions } = unstable_getMiniflareWorkerOptions("wrangler.toml");
    const options = await localKvOptions("wrangler.toml", join(dir, "repo"));
    expect(options).toEqual({ compatibilityDate: workerOptions.compatibilityDate, kvNamespaces: workerOptions.kvNamespaces });
    expect(await readdir(join(dir, "repo"))).toHaveLength(1);
  });

  it("come from the kept copy while the config is unchanged, and from wrangler again when it changes", async () => {
    const cache = join(dir, "kept");
    const path = join(dir, "kept-wrangler.toml");
    await writeFile(path, config("first-id"));
    expect((await localKvOptions(path, cache)).kvNamespaces).toEqual({ CONTENT: { id: "first-id" } });
    // The kept copy is what a second build reads: change it and the change shows.
    const [kept] = await readdir(cache);
    await writeFile(join(cache, kept!), JSON.stringify({ compatibilityDate: "2026-01-15", kvNamespaces: { CONTENT: { id: "from-the-kept-copy" } } }));
    expect((await localKvOptions(path, cache)).kvNamespaces).toEqual({ CONTENT: { id: "from-the-kept-copy" } });
    await writeFile(path, config("second-id"));
    expect(await localKvOptions(path, cache)).toEqual({ compatibilityDate: "2026-01-15", kvNamespaces: { CONTENT: { id: "second-id" } } });
  });

  it("are asked of wrangler again when the kept copy is damaged", async () => {
    const cache = join(dir, "damaged");
    const path = join(dir, "damaged-wrangler.toml");
    await writeFile(path, config("the-id"));
    await localKvOptions(path, cache);
    const [kept] = await readdir(cache);
    for (const damage of ["{\"kvNamespaces\":", "[1, 2]", "{\"compatibilityDate\": 7}"]) {
      await writeFile(join(cache, kept!), damage);
      expect(await localKvOptions(path, cache)).toEqual({ compatibilityDate: "2026-01-15", kvNamespaces: { CONTENT: { id: "the-id" } } });
    }
  });
});
