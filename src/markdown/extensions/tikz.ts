/**
 * TikZ pictures, as al-folio's tikzjax posts write them: a raw
 * `<script type="text/tikz">` holding a LaTeX document (`\begin{document}`
 * … `\end{document}`) with a `tikzpicture`. al-folio loads TikZJax in the
 * browser (TeX in WebAssembly, fetched from a CDN); here the build compiles
 * the picture once to SVG (scripts/lib/render/tikz.ts) and records it as a
 * `tikz:…` fragment keyed by the source, which the worker reads back: no
 * script, no CDN, the picture is in the HTML.
 *
 * The `<script>` element is replaced by `<figure class="tikz"><svg …></figure>`.
 * A picture the build could not compile (TeX error) shows its source in a
 * code block instead, with a build warning at its line; so does a stored body
 * whose fragment is missing.
 */
import type { Marked, Token, Tokens } from "marked";
import { fragment, type Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers } from "../renderers.ts";
import { escapeHtml } from "../../escape/index.ts";

/** A TikZ script element; group 1 is the TeX. */
export const TIKZ_SCRIPT = /<script\b[^>]*\btype\s*=\s*(["']?)text\/tikz\1[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The TeX sources of every TikZ script in a text (what the build compiles ahead, see scripts/lib/render/tikz.ts). */
export function tikzSources(text: string): string[] {
  return [...text.matchAll(TIKZ_SCRIPT)].map((m) => m[2]!);
}

/** What a picture that did not compile shows: its source, readable. */
const sourceBlock = (tex: string): string => `<pre class="tikz-source"><code class="language-latex">${escapeHtml(tex.replace(/^\n+|\s+$/g, ""))}</code></pre>`;

export interface TikzResult {
  /** Some picture was drawn (the page links the TeX fonts its text uses). */
  found: boolean;
  /** Pictures that did not compile: offset of the script in `source`, and TeX's message. */
  problems: { offset: number; severity: "warning"; message: string; hint: string }[];
}

/** Replace every TikZ script in the document's HTML tokens by its SVG (build: compiled and recorded; worker: read back). */
export function drawTikz(markdown: Marked, tokens: Token[], source: string, fragments: Fragments, renderers: FragmentRenderers = {}): TikzResult {
  const result: TikzResult = { found: false, problems: [] };
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "html" || !/text\/tikz/i.test((token as Tokens.HTML).text)) return;
    const t = token as Tokens.HTML;
    t.text = t.text.replace(TIKZ_SCRIPT, (whole: string, _q: string, tex: string) => {
      const key = `tikz:${textHash(tex)}`;
      const made = fragment(fragments, key, renderers.tikz ? () => {
        try {
          return `<figure class="tikz">${renderers.tikz!(tex)}</figure>`;
        } catch (err) {
          result.problems.push({ offset: Math.max(source.indexOf(whole), 0), severity: "warning", message: `the TikZ picture does not compile: ${(err as Error).message}`, hint: "its source is shown instead; check it with pdflatex (packages available: tikz, pgfplots, tikz-cd, circuitikz, chemfig, amsmath)" });
          return sourceBlock(tex);
        }
      } : undefined, () => sourceBlock(tex));
      if (made.startsWith("<figure")) result.found = true;
      return made;
    });
  });
  return result;
}
