/** The build's fragment renderers (see src/markdown/renderers.ts), fresh per post. */
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";
import type { RenderOptions } from "../../../src/markdown/pipeline.ts";
import { mathRenderer } from "./katex.ts";
import { highlightCode } from "./highlight.ts";
import { dataTableRenderer, type ReadAsset } from "./data-table.ts";
import { tikzSvg } from "./tikz.ts";

/** Renderers for a post's page; `readAsset` (text of a file under assets/) fills data-url tables. */
export function pageRenderers(readAsset?: ReadAsset): FragmentRenderers {
  return { math: mathRenderer(), code: highlightCode, tikz: tikzSvg, ...(readAsset ? { tableRows: dataTableRenderer(readAsset) } : {}) };
}

/** Renderers for a post in a feed: MathML, which feed readers show without a stylesheet. */
export function feedRenderers(): FragmentRenderers {
  return { math: mathRenderer({ output: "mathml" }), code: highlightCode };
}

/**
 * Render options for a stored post in a feed: its fragments minus the page's
 * math (KaTeX HTML needs the stylesheet), so the feed renderers make MathML.
 */
export function feedRenderOptions(options: RenderOptions): RenderOptions {
  const fragments = Object.fromEntries(Object.entries(options.fragments ?? {}).filter(([key]) => !key.startsWith("math:")));
  return { ...options, fragments, renderers: feedRenderers() };
}
