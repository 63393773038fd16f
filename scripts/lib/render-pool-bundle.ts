/**
 * The render thread's script (render-pool-worker.ts and the build modules it
 * imports) compiled to one JavaScript module with esbuild (the copy tsx ships
 * and runs on every `npm run` anyway), so a render thread loads in ~0.3 s
 * instead of ~2 s through tsx's loader, and loads the same way under `tsx`
 * and under vitest. npm packages stay imports (resolved from node_modules as
 * usual). Made once per engine version (build-cache.ts's fingerprint of src/,
 * scripts/ and package-lock.json) and kept in node_modules/.cache/edgefolio/.
 *
 * A module's `import.meta.url` is its own source file's URL in the bundle
 * too: paths made from it (TikZ's cache folder, `createRequire`) stay right.
 */
import { createRequire } from "node:module";
import { access, mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CACHE_DIR, engineFingerprint } from "./build-cache.ts";

/** The part of esbuild's API used here (its types are tsx's dependency's, not ours). */
interface OnLoadBuild {
  onLoad(options: { filter: RegExp }, load: (args: { path: string }) => Promise<{ contents: string; loader: "ts" }>): void;
}
interface Esbuild {
  build(options: {
    entryPoints: string[];
    outfile: string;
    bundle: true;
    platform: "node";
    format: "esm";
    target: string;
    packages: "external";
    logLevel: "silent" | "error";
    plugins: { name: string; setup(build: OnLoadBuild): void }[];
  }): Promise<unknown>;
}

const ENTRY = fileURLToPath(new URL("./render-pool-worker.ts", import.meta.url));

const ownUrls = {
  name: "own-import-meta-url",
  setup(build: OnLoadBuild) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
      loader: "ts",
    }));
  },
};

/** Compile the render thread's script to `outfile` (~0.2 s; the bench times it). */
export async function compileRenderWorker(outfile: string): Promise<void> {
  const tsx = createRequire(import.meta.url).resolve("tsx/package.json");
  const esbuild = createRequire(tsx)("esbuild") as Esbuild;
  await esbuild.build({ entryPoints: [ENTRY], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "error", plugins: [ownUrls] });
}

let script: Promise<string> | undefined;

/** Path of the render thread's compiled script, compiled now if this engine version has none yet. */
export function renderWorkerScript(): Promise<string> {
  script ??= (async () => {
    const name = `render-thread-${(await engineFingerprint()).slice(0, 16)}.mjs`;
    const out = join(CACHE_DIR, name);
    await mkdir(CACHE_DIR, { recursive: true });
    // Earlier engine versions' scripts are not loaded again: removed, so the folder does not grow with every change.
    const stale = (await readdir(CACHE_DIR)).filter((f) => /^render-thread-[0-9a-f]{16}\.mjs$/.test(f) && f !== name);
    await Promise.all(stale.map((f) => rm(join(CACHE_DIR, f), { force: true })));
    if (await access(out).then(() => true, () => false)) return out;
    // Written aside and renamed: another build process may be loading the same file.
    const tmp = `${out}.${process.pid}.tmp.mjs`;
    await compileRenderWorker(tmp);
    await rename(tmp, out);
    return out;
  })();
  return script;
}
