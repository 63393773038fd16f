/**
 * The math renderer the build hands the pipeline: KaTeX (server-side, so
 * pages need no math script), one macro table per post so `\newcommand` in a
 * formula holds for the rest of that post, as MathJax does on an al-folio page.
 */
import { createRequire } from "node:module";
import type KatexModule from "katex";
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";

export interface MathOptions {
  /** "htmlAndMathml" for pages (with KaTeX's CSS); "mathml" for feeds, which readers show without CSS. */
  output: "htmlAndMathml" | "mathml";
}

type Katex = typeof KatexModule;
let katex: Katex | undefined;
/** KaTeX, loaded on the first formula: a build whose posts are all cached never pays its import. */
const loadKatex = (): Katex => (katex ??= createRequire(import.meta.url)("katex") as Katex);

// `\newcommand{\R}` over a KaTeX built-in: MathJax redefines it, KaTeX refuses; retry as `\renewcommand`.
const REDEFINE = /\\newcommand\{(\\[A-Za-z]+)\} attempting to redefine/;

/** A fresh math renderer (new macro table): call once per post. */
export function mathRenderer(options: MathOptions = { output: "htmlAndMathml" }): NonNullable<FragmentRenderers["math"]> {
  const macros: Record<string, string> = {};
  return (tex, display) => {
    const render = (source: string): string =>
      loadKatex().renderToString(source, {
        displayMode: display,
        output: options.output,
        throwOnError: true,
        macros,
        globalGroup: true,
        strict: "ignore",
        // Equation links (`\eqref`) and authors' own web links.
        trust: (ctx) => ctx.command === "\\href" && /^(?:#|https?:)/.test(ctx.url ?? ""),
      });
    let source = tex;
    for (let attempt = 0; ; attempt++) {
      // A failed attempt may have defined some of its macros: start again from before it.
      const before = { ...macros };
      try {
        return render(source);
      } catch (err) {
        for (const name of Object.keys(macros)) if (!Object.hasOwn(before, name)) delete macros[name];
        const name = REDEFINE.exec((err as Error).message)?.[1];
        if (!name || attempt > 20) throw err;
        source = source.split(`\\newcommand{${name}}`).join(`\\renewcommand{${name}}`);
      }
    }
  };
}
