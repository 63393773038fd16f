/**
 * The Markdown pipeline shared by the build (to prove every post renders) and
 * the worker (to render at the edge). One Marked instance at module scope;
 * extensions are plain objects from ./extensions, one per file.
 *
 * Rendering is Liquid (as Jekyll: before Markdown) → lex → token passes
 * (heading ids, citation and footnote numbers) → parse, so per-document
 * state lives in the tokens and never in module scope.
 */
import { Marked, Parser } from "marked";
import { assignHeadingIds, headings, type Heading } from "./extensions/headings.ts";
import { cite, markCitationCopies, numberCitations } from "./extensions/cite.ts";
import { footnote, numberFootnotes } from "./extensions/footnote.ts";
import { htmlMarks, splitMarksInHtml } from "./extensions/html-marks.ts";
import { math, typesetMath } from "./extensions/math.ts";
import type { Fragments } from "./fragments.ts";
import type { FragmentRenderers } from "./renderers.ts";
import { fillDataTables } from "./extensions/data-tables.ts";
import { expandLiquid } from "../liquid/expand.ts";
import type { Bibliography } from "../bibliography/types.ts";
import { positionAt } from "../content/error.ts";
import { locateCitations } from "./locate-citations.ts";
import { applyKramdown, kramdownSyntax, prepareKramdown } from "./kramdown.ts";
import type { FootnoteStyle } from "./extensions/kramdown-footnotes.ts";

const markdown = new Marked({ gfm: true }, headings, cite, footnote, htmlMarks, math, ...kramdownSyntax);

export interface RenderOptions {
  /** Entries the post may cite, by key. */
  bibliography?: Bibliography;
  /** Given by the build, which knows the content folder: `assets/…` paths are checked. */
  assetExists?: (path: string) => boolean;
  /** HTML made at build time (`post.fragments`): read back by the worker, filled by the build. */
  fragments?: Fragments;
  /** Build only: KaTeX and the highlighter, whose output is recorded in `fragments`. */
  renderers?: FragmentRenderers;
  /** kramdown `[^id]` footnotes: listed at the end of the body (default), or joined to the distill footnotes. */
  footnotes?: FootnoteStyle;
}

/** A problem in the body; `line` 1 is the body's first line. */
export interface RenderProblem {
  line: number;
  col: number;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

export interface RenderedDocument {
  html: string;
  headings: Heading[];
  /** Cited keys in citation-number order. */
  citations: string[];
  /** Rendered footnotes in number order (number = index + 1). */
  footnotes: string[];
  /** Optional scripts the body asked for (`twitter`). */
  embeds: string[];
  /** Client libraries the body needs (`katex`), for the page's <head>. */
  libraries: string[];
  problems: RenderProblem[];
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedDocument {
  const liquid = expandLiquid(source, options.assetExists ? { assetExists: options.assetExists } : {});
  const problems: RenderProblem[] = liquid.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p }));

  const tokens = markdown.lexer(prepareKramdown(liquid.text));
  splitMarksInHtml(markdown, tokens);
  problems.push(...applyKramdown(markdown, tokens, liquid.text, source, options.footnotes ? { footnotes: options.footnotes } : {}));
  const found = assignHeadingIds(tokens);
  const citations = numberCitations(markdown, tokens, options.bibliography ?? {});
  const notes = numberFootnotes(markdown, tokens);
  if (citations.unknown.length) problems.push(...locateCitations(source, citations.unknown, options.bibliography !== undefined));
  const fragments = options.fragments ?? {};
  const maths = typesetMath(markdown, tokens, source, fragments, options.renderers);
  problems.push(...maths.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p })));
  fillDataTables(markdown, tokens, fragments, options.renderers);

  const body = markdown.parser(tokens);
  // A footnote is rendered twice (hover card, appendix): the appendix copy's citation cards get their own ids.
  for (const t of notes) markCitationCopies(markdown, t.tokens, "-note");
  return {
    html: body,
    headings: found,
    citations: citations.order,
    footnotes: notes.map((t) => (t.note ? markdown.parser(t.note) : Parser.parseInline(t.tokens, markdown.defaults))),
    embeds: [...liquid.embeds],
    libraries: maths.found ? ["katex"] : [],
    problems,
  };
}
