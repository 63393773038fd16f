/**
 * The Markdown pipeline shared by the build (to prove every post renders) and
 * the worker (to render at the edge). One Marked instance at module scope;
 * extensions are plain objects from ./extensions, one per file.
 *
 * Rendering is lex → token passes (heading ids; later citation and footnote
 * numbering) → parse, so per-document state lives in the tokens and never in
 * module scope.
 */
import { Marked } from "marked";
import { assignHeadingIds, headings, type Heading } from "./extensions/headings.ts";

const markdown = new Marked({ gfm: true }, headings);

export interface RenderedDocument {
  html: string;
  headings: Heading[];
}

export function renderMarkdown(source: string): RenderedDocument {
  const tokens = markdown.lexer(source);
  const found = assignHeadingIds(tokens);
  return { html: markdown.parser(tokens), headings: found };
}
