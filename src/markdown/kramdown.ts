/**
 * kramdown syntax (Jekyll's Markdown dialect) on top of marked: the
 * extensions to register, the source step before lexing and the token passes
 * after it. Each construct lives in its own module under ./extensions; this
 * file only orders them and turns what they find into located problems.
 *
 * Passes are skipped when the source cannot hold their syntax (`{:`, `[^`…),
 * so a post that uses none of it pays a few `includes` per render.
 */
import type { Marked, MarkedExtension, Token } from "marked";
import { blockAttributes, applyBlockAttributes, AttributeResolver, collectDefinitions, separateAttributeLines, takeHeadingIds } from "./extensions/block-attributes.ts";
import { applySpanAttributes, spanAttributes } from "./extensions/span-attributes.ts";
import { kramdownExtensions, type UnclosedExtensionToken } from "./extensions/kramdown-extensions.ts";
import { kramdownFootnotes, resolveFootnotes, type FootnoteStyle } from "./extensions/kramdown-footnotes.ts";
import { definitionList } from "./extensions/definition-list.ts";
import { abbreviations, applyAbbreviations } from "./extensions/abbreviations.ts";
import { markdownInHtml } from "./extensions/markdown-in-html.ts";
import { applyTypography } from "./extensions/typography.ts";
import { applyEmoji, mayHoldShortcodes } from "./extensions/emoji.ts";
import { allInlineLists, blockInlineLists } from "./inline-lists.ts";
import { positionAt } from "../content/error.ts";
import type { RenderProblem } from "./pipeline.ts";

/** The kramdown extensions, for `new Marked(...)`. */
export const kramdownSyntax: MarkedExtension[] = [kramdownExtensions, blockAttributes, spanAttributes, kramdownFootnotes, definitionList, abbreviations, markdownInHtml];

/** The source as marked should lex it (attribute lines on lines of their own). */
export const prepareKramdown = (text: string): string => separateAttributeLines(text);

export interface KramdownOptions {
  /** How `[^id]` footnotes are shown (kramdown-footnotes.ts); default `endnotes`. */
  footnotes?: FootnoteStyle;
}

/** Where `needle` first appears in the author's source, else the first line. */
function locate(source: string, needle: string | RegExp): { line: number; col: number } {
  const index = typeof needle === "string" ? source.indexOf(needle) : source.search(needle);
  return index < 0 ? { line: 1, col: 1 } : positionAt(source, index);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Run the kramdown passes over `tokens` (lexed from `text`, the expanded
 * body); problems are located in `source`, the body as the author wrote it.
 * Run before heading ids (so `{#id}` and typographic quotes reach them),
 * citations and distill footnotes are numbered.
 */
export function applyKramdown(markdown: Marked, tokens: Token[], text: string, source: string, options: KramdownOptions = {}): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const warn = (needle: string | RegExp, message: string, hint?: string) => problems.push({ ...locate(source, needle), severity: "warning", message, ...(hint ? { hint } : {}) });

  if (text.includes("{::")) {
    void markdown.walkTokens(tokens, (t) => {
      if (t.type !== "unclosedExtension") return;
      const name = (t as UnclosedExtensionToken).name;
      problems.push({ ...locate(source, `{::${name}`), severity: "error", message: `\`{::${name}}\` is never closed`, hint: `end it with \`{:/${name}}\` or \`{:/}\`` });
    });
  }

  if (text.includes("{:") || text.includes("{#")) {
    const resolver = new AttributeResolver(collectDefinitions(tokens));
    takeHeadingIds(tokens);
    applyBlockAttributes(tokens, resolver);
    if (text.includes("{:")) {
      for (const stray of applySpanAttributes(allInlineLists(tokens), resolver)) {
        warn(stray, `attribute list \`${stray}\` follows plain text, so it applies to nothing`, "put it right after a link, image or emphasis, or on its own line under a block");
      }
    }
    for (const p of resolver.problems) warn(`{:${p.list}}`, p.message);
  }

  if (text.includes("[^")) {
    const found = resolveFootnotes(tokens, options.footnotes ?? "endnotes");
    for (const name of found.undefined) warn(new RegExp(`\\[\\^${escapeRegExp(name)}\\](?!:)`), `footnote \`[^${name}]\` has no definition`, `add a line \`[^${name}]: the note\` (it is shown as text until then)`);
    for (const name of found.duplicates) {
      const second = source.indexOf(`[^${name}]:`, source.indexOf(`[^${name}]:`) + 1);
      problems.push({ ...(second < 0 ? { line: 1, col: 1 } : positionAt(source, second)), severity: "warning", message: `footnote \`[^${name}]\` is defined twice; the first definition is used` });
    }
  }

  // Text passes last, so they see the final inline lists (attribute lists and footnote marks gone).
  const blocks = blockInlineLists(tokens);
  applyTypography(blocks);
  if (text.includes("*[")) applyAbbreviations(tokens, blocks);
  if (mayHoldShortcodes(text)) applyEmoji(blocks);
  return problems;
}
