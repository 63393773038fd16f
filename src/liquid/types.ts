/**
 * Liquid at build time (Jekyll runs it at build time too): liquidjs with
 * Jekyll's options, filters and al-folio's tags. The worker never loads it:
 * the build stores the prepared body (Markdown with placeholders) and the
 * fragments (HTML made by tags), see src/markdown/fragments.ts.
 *
 * A tag is a plain object in its own file under ./tags, listed in
 * ./tags/index.ts, in one of three shapes:
 * - `inline`  `{% name args %}` → HTML, stored as one fragment (never re-parsed as Markdown);
 * - `block`   `{% name args %}…{% endname %}` whose body stays Liquid and Markdown,
 *             between what `open` and `close` put in the Markdown stream
 *             (usually fragments made with `ctx.fragment`: details, tabs);
 * - `literal` `{% name args %}…{% endname %}` whose body is taken verbatim and
 *             whose result is Markdown the author wrote (highlight → a fence).
 */

/** A problem found while expanding, located by character offset in the source. */
export interface LiquidProblem {
  offset: number;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

/**
 * jekyll-scholar for the post being prepared (build time: formatting is CSL,
 * see scripts/lib/scholar.ts). Output is sanitised HTML.
 */
export interface ScholarTags {
  /** In-text citation of `keys`, or why it cannot be made (an unknown key). */
  cite(keys: readonly string[]): { html: string } | { error: string };
  /** One full reference. */
  reference(key: string): { html: string } | { error: string };
  /** The cited works so far (`cited`), else every entry of the site bibliography, as an `<ol>`. */
  bibliography(cited: boolean): string;
}

/** What a tag gets besides its arguments. */
export interface LiquidContext {
  /** True when `assets/…` exists in the content folder. Absent in unit tests that do not care. */
  assetExists?: (path: string) => boolean;
  /** Text of a file under the content folder (`assets/jupyter/x.ipynb`), undefined when absent. */
  readAsset?: (path: string) => string | undefined;
  /** Pixel size of a picture under the content folder (`assets/img/x.png`), read by the build; undefined when unknown. */
  imageSize?: (path: string) => { width: number; height: number } | undefined;
  /** Site path of the post whose file name (without .md) is given, for `post_url`. */
  postUrl?: (name: string) => string | undefined;
  /** Report a problem at the tag being rendered. */
  report(problem: Omit<LiquidProblem, "offset">): void;
  /** Set by tags that want the page to load an optional script (twitter). */
  embeds: Set<string>;
  /**
   * A placeholder for `markdown` rendered ONCE, as inline Markdown, by the
   * worker where the placeholder stands (a figure caption, a details summary):
   * same trust as the post body, and `<d-cite>`/`<d-footnote>` inside are
   * numbered in document order.
   */
  inlineMarkdown(markdown: string): string;
  /** The value of a Liquid expression (`page.image`, `"x" | relative_url`) in the tag's scope. */
  evaluate(expression: string): unknown;
  /** Render a Markdown document to HTML now, at build time (notebook cells), with this post's fragments. */
  renderMarkdown(markdown: string): string;
  /** Store `html` as a fragment; returns the placeholder that stands for it in the Markdown stream. */
  fragment(html: string): string;
  /** A placeholder now, its HTML later (`fill`), for markup that depends on what follows (the tabs' names). */
  deferFragment(): { placeholder: string; fill(html: string): void };
  /** jekyll-scholar (`cite`, `reference`, `quote`, `bibliography`); absent when the build gives none. */
  scholar?: ScholarTags;
  /** Per-post state tags share (the tabs being built), keyed by tag name. */
  state: Map<string, unknown>;
}

/**
 * `{% name args %}` → HTML stored as a fragment, e.g. `include`, `twitter`;
 * with `output: "text"`, a plain string (a URL: `post_url`, `link`) written
 * attribute-escaped into the Markdown stream, so it can be a link target.
 */
export interface InlineTag {
  kind: "inline";
  name: string;
  output?: "html" | "text";
  render(args: string, ctx: LiquidContext): string;
}

/**
 * `{% name args %}…{% endname %}` whose body is still Liquid and Markdown,
 * e.g. `details`. `open` and `close` return what goes in the Markdown stream
 * before and after the body (blank lines are added around each), normally
 * `ctx.fragment(html)`: HTML must never be returned bare, or Markdown would
 * re-parse it.
 */
export interface BlockTag {
  kind: "block";
  name: string;
  open(args: string, ctx: LiquidContext): string;
  close(args: string, ctx: LiquidContext): string;
}

/**
 * `{% name args %}…{% endname %}` whose body is text (code), the result is
 * Markdown. With `liquidBody`, the body is first rendered as Liquid with
 * `{{ }}` output left unescaped (it becomes code text, escaped as code), as
 * Jekyll does for `highlight`; without it, the body is taken verbatim.
 */
export interface LiteralTag {
  kind: "literal";
  name: string;
  liquidBody?: boolean;
  render(args: string, body: string, ctx: LiquidContext): string;
}

export type LiquidTag = InlineTag | BlockTag | LiteralTag;
