/**
 * Local KV: the persistence `wrangler dev` reads (`.wrangler/state/v3` by
 * default, `<dir>/v3` with `--persist-to <dir>`), reached through wrangler's
 * platform proxy so bindings come from wrangler.toml exactly as in dev.
 * A running `wrangler dev` sees writes without a restart.
 */
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import type { Env } from "../../src/env.ts";
import { bindingTarget, type KvTarget } from "./publish.ts";

export async function withLocalKv<T>(persistTo: string | undefined, use: (target: KvTarget) => Promise<T>): Promise<T> {
  const kv = await openLocalKv(persistTo);
  try {
    return await use(kv.target);
  } finally {
    await kv.dispose();
  }
}

/** Local KV kept open until `dispose()` (the dev server publishes through one connection for a whole session). */
export async function openLocalKv(persistTo: string | undefined): Promise<{ target: KvTarget; dispose: () => Promise<void> }> {
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.toml",
    persist: { path: join(persistTo ?? ".wrangler/state", "v3") },
  });
  return { target: bindingTarget(proxy.env.CONTENT), dispose: () => proxy.dispose() };
}
