/**
 * The code renderer the build hands the pipeline: highlight.js, chosen over
 * Shiki because it is synchronous (marked's token pass is), emits classes
 * rather than inline colours (one small stylesheet gives light and dark themes
 * that follow the site's colour scheme and its data-theme toggle), and
 * highlights a block in tens of microseconds where Shiki's TextMate grammars
 * take milliseconds. Build-only: the worker stores and reads its HTML.
 */
import { createRequire } from "node:module";
import type { FragmentRenderers } from "../../../src/markdown/renderers.ts";

/** The part of highlight.js used here. Its own types pull in the DOM library, which clashes with the Workers types. */
interface Highlighter {
  getLanguage(name: string): object | undefined;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}
let loaded: Highlighter | undefined;
/** highlight.js (every language: ~0.2–0.7 s to load), on the first code block: cached posts never need it. */
const hljs = (): Highlighter => (loaded ??= createRequire(import.meta.url)("highlight.js") as Highlighter);

/** Highlighted HTML of `code`, or undefined when highlight.js does not know `lang`. */
export const highlightCode: NonNullable<FragmentRenderers["code"]> = (code, lang) => {
  if (!hljs().getLanguage(lang)) return undefined;
  return hljs().highlight(code, { language: lang, ignoreIllegals: true }).value;
};
