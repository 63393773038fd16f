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
import { cite, numberCitations, type CiteToken } from "./extensions/cite.ts";
import { footnote, numberFootnotes, type FootnoteToken } from "./extensions/footnote.ts";
import { htmlMarks, splitMarksInHtml } from "./extensions/html-marks.ts";
import { math } from "./extensions/math.ts";
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
  /** `false`: citations and footnotes without hover cards (feeds, read without our CSS). Default true. */
  cards?: boolean;
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
  const liquid = expandLiquid(source, options.assetExists ? { assetExists: options.assetExists } : {});
  const problems: RenderProblem[] = liquid.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p }));

  const tokens = markdown.lexer(prepareKramdown(liquid.text));
  splitMarksInHtml(markdown, tokens);
  problems.push(...applyKramdown(markdown, tokens, liquid.text, source, options.footnotes ? { footnotes: options.footnotes } : {}));
  const found = assignHeadingIds(tokens);
  const citations = numberCitations(markdown, tokens, options.bibliography ?? {});
  const notes = numberFootnotes(markdown, tokens);
  if (options.cards === false) {
    void markdown.walkTokens(tokens, (t) => {
      if (t.type === "dCite" || t.type === "dFootnote") (t as CiteToken | FootnoteToken).plain = true;
    });
  }
  if (citations.unknown.length) problems.push(...locateCitations(source, citations.unknown, options.bibliography !== undefined));

  return {
    html: markdown.parser(tokens),
    headings: found,
    citations: citations.order,
    footnotes: notes.map((t) => (t.note ? markdown.parser(t.note) : Parser.parseInline(t.tokens, markdown.defaults))),
    embeds: [...liquid.embeds],
    problems,
  };
}
