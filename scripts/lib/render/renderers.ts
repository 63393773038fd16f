/** The build's fragment renderers (see src/markdown/renderers.ts), fresh per post. */
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";
import type { RenderOptions } from "../../../src/markdown/pipeline.ts";
import { mathRenderer } from "./katex.ts";
import { highlightCode } from "./highlight.ts";
import { dataTableRenderer, type ReadAsset } from "./data-table.ts";
import { tikzSvg } from "./tikz.ts";
import { typogramSvg } from "./typograms.ts";
import { DIAGRAMS } from "../../../src/content/diagrams.ts";

/**
 * Renderers for a post's page; `readAsset` (text of a file under assets/) fills data-url tables.
 * `frontMatter` (the post's al-folio keys): typograms are drawn only with `typograms: true`, as
 * on al-folio, where the key loads the script; without it, every renderer.
 */
export function pageRenderers(readAsset?: ReadAsset, frontMatter?: Record<string, unknown>): FragmentRenderers {
  return {
    math: mathRenderer(), code: highlightCode, tikz: tikzSvg,
    ...(readAsset ? { tableRows: dataTableRenderer(readAsset) } : {}),
    ...(!frontMatter || DIAGRAMS["typograms"]!.enabled(frontMatter) ? { typograms: typogramSvg } : {}),
  };
}

/** Renderers for a post in a feed: MathML, which feed readers show without a stylesheet. */
export function feedRenderers(): FragmentRenderers {
  return { math: mathRenderer({ output: "mathml" }), code: highlightCode };
}

/**
 * Render options for a stored post in a feed: its fragments minus the page's
 * math (KaTeX HTML needs the stylesheet), so the feed renderers make MathML,
 * and minus the typograms' SVG (feed readers often drop inline SVG), so a
 * typogram is its text in a code block.
 */
export function feedRenderOptions(options: RenderOptions): RenderOptions {
  const fragments = Object.fromEntries(Object.entries(options.fragments ?? {}).filter(([key]) => !key.startsWith("math:") && !key.startsWith("typograms:")));
  return { ...options, fragments, renderers: feedRenderers() };
}
