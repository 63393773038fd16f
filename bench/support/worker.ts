/**
 * Run the real worker for benchmarks: bundled by wrangler exactly as for a
 * deploy, executed by workerd through Miniflare, with KV filled by the real
 * build's bundle and publish protocol, and the built public/ folder served as
 * a static site beside it for comparison.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { bindingTarget, publish } from "../../scripts/lib/publish.ts";
import type { Bundle } from "../../src/store/bundle.ts";

const OUT_DIR = resolve(".bench/worker");

/** Bundle src/ with wrangler (`deploy --dry-run`); returns the script path. Cached per run. */
let bundled: string | undefined;
export function bundleWorker(): string {
  if (bundled) return bundled;
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", OUT_DIR], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true" },
  });
  const script = join(OUT_DIR, "index.js");
  if (!existsSync(script)) throw new Error(`wrangler did not write ${script}`);
  return (bundled = script);
}

export interface RunningWorker {
  /** Base URL of the worker (http://127.0.0.1:PORT). */
  url: string;
  mf: Miniflare;
  dispose(): Promise<void>;
}

/** Start the worker in workerd with `bundle` published to its KV. */
export async function startWorker(bundle: Bundle | null, options: { port?: number } = {}): Promise<RunningWorker> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: bundleWorker(),
    compatibilityDate: "2026-04-20",
    kvNamespaces: ["CONTENT"],
    port: options.port ?? 0,
    host: "127.0.0.1",
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  if (bundle) await publish(bindingTarget((await mf.getKVNamespace("CONTENT")) as unknown as KVNamespace), bundle);
  return { url, mf, dispose: () => mf.dispose() };
}

/** A workerd serving `dir` as static files (no worker code): the baseline a cached page is compared to. */
export async function startStaticServer(dir: string): Promise<RunningWorker> {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch: (r, env) => env.ASSETS.fetch(r) }",
    compatibilityDate: "2026-04-20",
    assets: { directory: resolve(dir), binding: "ASSETS" },
    port: 0,
    host: "127.0.0.1",
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return { url, mf, dispose: () => mf.dispose() };
}
