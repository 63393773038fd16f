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
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.toml",
    persist: { path: join(persistTo ?? ".wrangler/state", "v3") },
  });
  try {
    return await use(bindingTarget(proxy.env.CONTENT));
  } finally {
    await proxy.dispose();
  }
}
