/**
 * Liquid, the subset al-folio posts use. Jekyll runs Liquid before Markdown,
 * so the tags are expanded on the source text first (which is how an include
 * inside an indented `<div class="row">` block becomes an element, and how
 * every problem gets an exact line); the result then goes to marked.
 *
 * A tag is a plain object, one per file in ./tags, in one of three shapes.
 */

/** A problem found while expanding, located by character offset in the source. */
export interface LiquidProblem {
  offset: number;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

export interface LiquidContext {
  /** True when `assets/…` exists in the content folder. Absent in the worker: the build checked. */
  assetExists?: (path: string) => boolean;
  report(problem: Omit<LiquidProblem, "offset">): void;
  /** Set by tags that want the page to load an optional script (twitter). */
  embeds: Set<string>;
}

/** `{% name args %}` → HTML, e.g. `include`, `twitter`. */
export interface InlineTag {
  kind: "inline";
  name: string;
  render(args: string, ctx: LiquidContext): string;
}

/** `{% name args %}…{% endname %}` whose body is still Liquid and Markdown, e.g. `details`. */
export interface BlockTag {
  kind: "block";
  name: string;
  open(args: string, ctx: LiquidContext): string;
  close(): string;
}

/** `{% name args %}…{% endname %}` whose body is taken verbatim, e.g. `raw`, `highlight`. */
export interface LiteralTag {
  kind: "literal";
  name: string;
  render(args: string, body: string, ctx: LiquidContext): string;
}

export type LiquidTag = InlineTag | BlockTag | LiteralTag;
