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
import { cite, markCitationCopies, numberCitations } from "./extensions/cite.ts";
import { footnote, numberFootnotes } from "./extensions/footnote.ts";
import { htmlMarks, splitMarksInHtml } from "./extensions/html-marks.ts";
import { math } from "./extensions/math.ts";
import { swapPlaceholders } from "./placeholders.ts";
import type { Fragments } from "./fragments.ts";
import type { Bibliography } from "../bibliography/types.ts";
import { locateCitations } from "./locate-citations.ts";
import { applyKramdown, kramdownSyntax, prepareKramdown } from "./kramdown.ts";
import type { FootnoteStyle } from "./extensions/kramdown-footnotes.ts";

const markdown = new Marked({ gfm: true }, headings, cite, footnote, htmlMarks, math, ...kramdownSyntax);

export interface RenderOptions {
  /** Entries the post may cite, by key. */
  bibliography?: Bibliography;
  /** HTML the build made for the body's placeholders (`post.fragments`). */
  fragments?: Fragments;
  /** Optional scripts the build found the body needs (`post.embeds`), passed through to the views. */
  embeds?: readonly string[];
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
  const notes = numberFootnotes(markdown, tokens);
  if (citations.unknown.length) problems.push(...locateCitations(source, citations.unknown, options.bibliography !== undefined));

  const body = markdown.parser(tokens);
  // A footnote is rendered twice (hover card, appendix): the appendix copy's citation cards get their own ids.
  for (const t of notes) markCitationCopies(markdown, t.tokens, "-note");
  return {
    html: body,
    headings: found,
    citations: citations.order,
    footnotes: notes.map((t) => (t.note ? markdown.parser(t.note) : Parser.parseInline(t.tokens, markdown.defaults))),
    embeds: [...(options.embeds ?? [])],
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
