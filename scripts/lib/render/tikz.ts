/**
 * TikZ to SVG at build time (al-folio's `<script type="text/tikz">`, see
 * src/markdown/extensions/tikz.ts) with node-tikzjax: TeX compiled to
 * WebAssembly with its own TeX tree (tikz, pgfplots, tikz-cd, circuitikz,
 * chemfig, amsmath), run in Node, offline, with no LaTeX installed.
 *
 * Fragment renderers are synchronous and the TeX engine is not, so the build
 * compiles every picture of the site first (`prerenderTikz`, sequentially: the
 * engine keeps global state and must not run twice at once) and the renderer
 * reads the results (`tikzSvg`). Results are kept by source for the process,
 * so a rebuild in `npm run dev` compiles only new pictures.
 *
 * Cost, measured on this machine: about 0.9 s to import the package and
 * 0.5–1.4 s to load the engine (once per process, only when a picture is not
 * compiled yet: the import is lazy), then 0.2–0.26 s per picture. Compiled
 * pictures (and TeX's errors) are also kept on disk, by a hash of the engine's
 * version and the source, in node_modules/.cache/edgefolio/tikz/, so a
 * rebuild of an unchanged picture costs a file read.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { tikzSources } from "../../../src/markdown/extensions/tikz.ts";

type Compiled = { svg: string } | { error: string };
const compiled = new Map<string, Compiled>();

const CACHE_DIR = fileURLToPath(new URL("../../../node_modules/.cache/edgefolio/tikz/", import.meta.url));
/** The engine's version is part of the key: another node-tikzjax may draw differently. */
const ENGINE = "node-tikzjax@1.0.5";

type Tex2Svg = (input: string, options?: { showConsole?: boolean }) => Promise<string>;
let engine: Promise<Tex2Svg> | undefined;
/** node-tikzjax, imported on first use (its import alone takes ~0.9 s). CommonJS with `exports.default`: ESM interop gives either shape. */
function tex2svg(): Promise<Tex2Svg> {
  engine ??= import("node-tikzjax").then((m) => {
    const exported = m.default as unknown as Tex2Svg | { default: Tex2Svg };
    return typeof exported === "function" ? exported : exported.default;
  });
  return engine;
}

/** TeX's own error lines (`! Undefined control sequence.` and the context after it), from the engine's console. */
function texError(lines: string[]): string {
  const at = lines.findIndex((l) => l.startsWith("!"));
  if (at < 0) return "TeX failed without a message";
  return lines.slice(at, at + 3).map((l) => l.trim()).filter(Boolean).join(" ").slice(0, 300);
}

/** Compile one picture; TeX's console is captured for the error message, not printed. */
async function compile(tex: string): Promise<Compiled> {
  const render = await tex2svg();
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    return { svg: (await render(tex, { showConsole: true })).trim() };
  } catch {
    return { error: texError(lines) };
  } finally {
    console.log = log;
  }
}

/** A picture from the disk cache, else compiled and written there (a cache that cannot be written is only slower). */
async function cachedCompile(tex: string): Promise<Compiled> {
  const file = `${CACHE_DIR}${createHash("sha256").update(`${ENGINE}\n${tex}`).digest("hex")}.json`;
  const kept = await readFile(file, "utf8").then((text) => JSON.parse(text) as Compiled, () => undefined);
  if (kept && (typeof (kept as { svg?: unknown }).svg === "string" || typeof (kept as { error?: unknown }).error === "string")) return kept;
  const result = await compile(tex);
  await mkdir(CACHE_DIR, { recursive: true }).then(() => writeFile(file, JSON.stringify(result))).catch(() => undefined);
  return result;
}

/** Compile the TikZ pictures in these post bodies that are not compiled yet. */
export async function prerenderTikz(bodies: Iterable<string>): Promise<void> {
  for (const body of bodies) {
    if (!body.includes("text/tikz")) continue;
    for (const tex of tikzSources(body)) if (!compiled.has(tex)) compiled.set(tex, await cachedCompile(tex));
  }
}

/** The SVG of a prerendered picture; throws with TeX's message when it did not compile. */
export function tikzSvg(tex: string): string {
  const result = compiled.get(tex);
  if (!result) throw new Error("it was not compiled before the page was rendered");
  if ("error" in result) throw new Error(result.error);
  return result.svg;
}
