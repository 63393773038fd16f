/** The build's fragment renderers (see src/markdown/renderers.ts), fresh per post. */
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";
import { mathRenderer } from "./katex.ts";
import { dataTableRenderer, type ReadAsset } from "./data-table.ts";

/** Renderers for a post's page; `readAsset` (text of a file under assets/) fills data-url tables. */
export function pageRenderers(readAsset?: ReadAsset): FragmentRenderers {
  return { math: mathRenderer(), ...(readAsset ? { tableRows: dataTableRenderer(readAsset) } : {}) };
}

/** Renderers for a post in a feed: MathML, which feed readers show without a stylesheet. */
export function feedRenderers(): FragmentRenderers {
  return { math: mathRenderer({ output: "mathml" }) };
}
