/**
 * The Markdown pipeline shared by the build (to prove every post renders) and
 * the worker (to render at the edge). One Marked instance at module scope;
 * extensions are plain objects from ./extensions, one per file.
 *
 * Liquid ran at build time (src/liquid/prepare.ts, as Jekyll: before
 * Markdown); the body given here is the prepared one. Rendering is lex →
 * placeholders swapped for their fragments → token passes (heading ids,
 * citation and footnote numbers) → parse, so per-document state lives in the
 * tokens and never in module scope.
 */
import { Marked, Parser } from "marked";
import { assignHeadingIds, headings, type Heading } from "./extensions/headings.ts";
import { attachEntries, cite, markCitationCopies, numberCitations, type CiteToken } from "./extensions/cite.ts";
import { footnote, numberFootnotes, type FootnoteToken } from "./extensions/footnote.ts";
import { htmlMarks, splitMarksInHtml } from "./extensions/html-marks.ts";
import { math, typesetMath } from "./extensions/math.ts";
import { code, highlightCode } from "./extensions/code.ts";
import type { FragmentRenderers } from "./renderers.ts";
import { fillDataTables } from "./extensions/data-tables.ts";
import { drawTikz } from "./extensions/tikz.ts";
import { image, placePictures } from "./extensions/image.ts";
import { drawTypograms } from "./extensions/typograms.ts";
import { positionAt } from "../content/error.ts";
import { swapPlaceholders } from "./placeholders.ts";
import type { Fragments } from "./fragments.ts";
import type { Bibliography } from "../bibliography/types.ts";
import { locateCitations } from "./locate-citations.ts";
import { applyKramdown, kramdownSyntax, prepareKramdown } from "./kramdown.ts";
import type { FootnoteStyle } from "./extensions/kramdown-footnotes.ts";

const markdown = new Marked({ gfm: true }, headings, cite, footnote, htmlMarks, math, ...kramdownSyntax, code, image);

export interface RenderOptions {
  /** Entries the post may cite, by key. */
  bibliography?: Bibliography;
  /** HTML the build made for the body (`post.fragments`): placeholders, math, code. The build's math and code renderers record theirs here. */
  fragments?: Fragments;
  /** Build only: KaTeX and the highlighter, whose output is recorded in `fragments`. */
  renderers?: FragmentRenderers;
  /** Optional scripts the build found the body needs (`post.embeds`), passed through to the views. */
  embeds?: readonly string[];
  /** `false`: citations and footnotes without hover cards (feeds, read without our CSS). Default true. */
  cards?: boolean;
  /** kramdown `[^id]` footnotes: listed at the end of the body (default), or joined to the distill footnotes. */
  footnotes?: FootnoteStyle;
  /**
   * Build only: the entries the post's page stores (styled), made from the cited keys in number order.
   * Citations show these, not `bibliography`'s (which still decides which keys are unknown), so the
   * build's one render is the document the page stores.
   */
  citedEntries?: (order: readonly string[]) => Bibliography;
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
  /** Client libraries the body needs (`katex`, `highlight`, `tikz`: stylesheets), for the page's <head>. */
  libraries: string[];
  /** Diagram fence languages used (mermaid, chartjs, …), each with its first fence's line. */
  diagrams: { lang: string; line: number }[];
  problems: RenderProblem[];
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedDocument {
  const problems: RenderProblem[] = [];
  const tokens = markdown.lexer(prepareKramdown(source));
  if (options.fragments) swapPlaceholders(markdown, tokens, options.fragments);
  splitMarksInHtml(markdown, tokens);
  // Located in the prepared body; the build maps problems back to the author's text.
  problems.push(...applyKramdown(markdown, tokens, source, source, options.footnotes ? { footnotes: options.footnotes } : {}));
  const found = assignHeadingIds(tokens);
  const citations = numberCitations(markdown, tokens, options.bibliography ?? {});
  if (options.citedEntries) attachEntries(markdown, tokens, options.citedEntries(citations.order));
  const notes = numberFootnotes(markdown, tokens);
  if (options.cards === false) {
    void markdown.walkTokens(tokens, (t) => {
      if (t.type === "dCite" || t.type === "dFootnote") (t as CiteToken | FootnoteToken).plain = true;
    });
  }
  if (citations.unknown.length) problems.push(...locateCitations(source, citations.unknown, options.bibliography && Object.keys(options.bibliography)));
  const fragments = options.fragments ?? {};
  const maths = typesetMath(markdown, tokens, source, fragments, options.renderers);
  problems.push(...maths.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p })));
  const codes = highlightCode(markdown, tokens, fragments, options.renderers);
  drawTypograms(markdown, tokens, fragments, options.renderers);
  fillDataTables(markdown, tokens, fragments, options.renderers);
  placePictures(markdown, tokens, fragments, options.renderers);
  const tikz = drawTikz(markdown, tokens, source, fragments, options.renderers);
  problems.push(...tikz.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p })));

  const body = markdown.parser(tokens);
  // A footnote is rendered twice (hover card, appendix): the appendix copy's citation cards get their own ids.
  for (const t of notes) markCitationCopies(markdown, t.tokens, "-note");
  return {
    html: body,
    headings: found,
    citations: citations.order,
    footnotes: notes.map((t) => (t.note ? markdown.parser(t.note) : Parser.parseInline(t.tokens, markdown.defaults))),
    embeds: [...(options.embeds ?? [])],
    libraries: [...(maths.found ? ["katex"] : []), ...(codes.highlighted ? ["highlight"] : []), ...(tikz.found ? ["tikz"] : [])],
    diagrams: [...codes.diagrams].map(([lang, raw]) => ({ lang, line: positionAt(source, Math.max(source.indexOf(raw), 0)).line })),
    problems,
  };
}

/** What a stored post gives the renderer: its fragments, embeds and footnote style (distill posts join kramdown notes to distill's). */
export function postRenderOptions(post: { fragments?: Fragments; embeds?: string[]; meta?: { layout?: string } }): RenderOptions {
  return {
    ...(post.fragments ? { fragments: post.fragments } : {}),
    ...(post.embeds?.length ? { embeds: post.embeds } : {}),
    ...(post.meta?.layout === "distill" ? { footnotes: "distill" as const } : {}),
  };
}
