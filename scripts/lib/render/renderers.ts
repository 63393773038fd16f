/** The build's fragment renderers (see src/markdown/renderers.ts), fresh per post. */
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";
import { mathRenderer } from "./katex.ts";

/** Renderers for a post's page. */
export function pageRenderers(): FragmentRenderers {
  return { math: mathRenderer() };
}

/** Renderers for a post in a feed: MathML, which feed readers show without a stylesheet. */
export function feedRenderers(): FragmentRenderers {
  return { math: mathRenderer({ output: "mathml" }) };
}
