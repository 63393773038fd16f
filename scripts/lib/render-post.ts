/**
 * The build's per-post step: Liquid (build time only, src/liquid/prepare.ts)
 * then the worker's own Markdown pipeline on the prepared body, so a post
 * that builds is a post that renders. Every problem is located in the
 * author's body text (1-based lines of the body), mapped back through Liquid.
 */
import { prepareBody, type PrepareOptions } from "../../src/liquid/prepare.ts";
import { renderMarkdown, type RenderedDocument, type RenderOptions, type RenderProblem } from "../../src/markdown/pipeline.ts";
import { positionAt } from "../../src/content/error.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { Fragments } from "../../src/markdown/fragments.ts";

export interface RenderPostOptions extends Omit<PrepareOptions, "renderMarkdown">, Pick<RenderOptions, "footnotes" | "renderers" | "citedEntries"> {
  bibliography?: Bibliography;
}

export interface RenderedPost {
  /** What the post stores: the prepared body, its fragments and embeds. */
  body: string;
  fragments: Fragments;
  embeds: string[];
  /** The worker's rendering of it (HTML, headings, citations); `problems` located in the source body. */
  doc: RenderedDocument;
}

/** Offset of a 1-based line/col in `text`. */
function offsetAt(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + Math.max(col, 1) - 1;
}

const ZOOMABLE = /<img\b[^>]*\sdata-zoomable[\s=>]/i;

export function renderPost(source: string, options: RenderPostOptions = {}): RenderedPost {
  const { bibliography, footnotes, renderers, citedEntries, ...prepareOptions } = options;
  const prepared = prepareBody(source, {
    ...prepareOptions,
    // Notebook cells and `markdownify`: our Markdown, at build time, sharing the post's fragments.
    renderMarkdown: (markdown, fragments) => renderMarkdown(markdown, { fragments }).html,
  });
  const problems: RenderProblem[] = prepared.problems.map(({ offset, ...p }) => ({ ...positionAt(source, offset), ...p }));
  const embeds = [...prepared.embeds];
  // KaTeX and the highlighter record their HTML in the post's fragments (stored with it).
  // Markdown images are sized from the same recorded lookup as the figure include.
  const sized = renderers && prepareOptions.imageSize ? { ...renderers, imageSize: prepareOptions.imageSize } : renderers;
  const doc = renderMarkdown(prepared.body, { fragments: prepared.fragments, embeds, ...(sized ? { renderers: sized } : {}), ...(footnotes ? { footnotes } : {}), ...(bibliography ? { bibliography } : {}), ...(citedEntries ? { citedEntries } : {}) });
  for (const p of doc.problems) {
    // Problems Markdown finds are in the prepared body: map them back to the author's text.
    const at = p.line > 0 ? prepared.sourceOffset(offsetAt(prepared.body, p.line, p.col)) : 0;
    problems.push({ ...p, ...(p.line > 0 ? positionAt(source, at) : {}) });
  }
  // Zoomable pictures (the figure include's `zoomable=true`, or raw `<img data-zoomable>`): the page loads medium-zoom.
  if (ZOOMABLE.test(doc.html)) embeds.push("zoom");
  doc.diagrams = doc.diagrams.map((d) => ({ ...d, line: positionAt(source, prepared.sourceOffset(offsetAt(prepared.body, d.line, 1))).line }));
  doc.problems = problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { body: prepared.body, fragments: prepared.fragments, embeds, doc };
}
