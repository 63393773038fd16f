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
 * Cost, measured on this machine: about 2.3 s to load the engine (once per
 * process, only when some post has a picture), then 0.3–0.4 s per picture.
 */
import tikzjax from "node-tikzjax";
import { tikzSources } from "../../../src/markdown/extensions/tikz.ts";

type Compiled = { svg: string } | { error: string };
const compiled = new Map<string, Compiled>();

// The package is CommonJS with `exports.default`; ESM interop gives either shape.
const tex2svg = ((tikzjax as unknown as { default?: typeof tikzjax }).default ?? tikzjax) as (input: string, options?: { showConsole?: boolean }) => Promise<string>;

/** TeX's own error lines (`! Undefined control sequence.` and the context after it), from the engine's console. */
function texError(lines: string[]): string {
  const at = lines.findIndex((l) => l.startsWith("!"));
  if (at < 0) return "TeX failed without a message";
  return lines.slice(at, at + 3).map((l) => l.trim()).filter(Boolean).join(" ").slice(0, 300);
}

/** Compile one picture; TeX's console is captured for the error message, not printed. */
async function compile(tex: string): Promise<Compiled> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    return { svg: (await tex2svg(tex, { showConsole: true })).trim() };
  } catch {
    return { error: texError(lines) };
  } finally {
    console.log = log;
  }
}

/** Compile the TikZ pictures in these post bodies that are not compiled yet. */
export async function prerenderTikz(bodies: Iterable<string>): Promise<void> {
  for (const body of bodies) {
    if (!body.includes("text/tikz")) continue;
    for (const tex of tikzSources(body)) if (!compiled.has(tex)) compiled.set(tex, await compile(tex));
  }
}

/** The SVG of a prerendered picture; throws with TeX's message when it did not compile. */
export function tikzSvg(tex: string): string {
  const result = compiled.get(tex);
  if (!result) throw new Error("it was not compiled before the page was rendered");
  if ("error" in result) throw new Error(result.error);
  return result.svg;
}
