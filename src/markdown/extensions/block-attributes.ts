/**
 * kramdown block attribute lists: a line `{: .class #id key="value"}` after
 * (or before) a paragraph, blockquote, list, table, heading or rule gives that
 * block the attributes; `{:name: .class}` defines a reusable list (ALD) that
 * `{: name}` refers to, anywhere in the document.
 *
 * marked would read an attribute line written right under a blockquote, list
 * item or table as lazy text of that block, so `separateAttributeLines`
 * (before lexing) puts a blank line before such a line and marks it
 * `ATTACHED`: it then lexes as a block of its own that still knows it
 * belonged to the block above. `applyBlockAttributes` (after lexing) moves the
 * attributes onto their block, kramdown's rule:
 * - directly after a block (no blank line): that block;
 * - otherwise directly before a block: the next block;
 * - standing alone between blank lines: kramdown drops it; we give it to the
 *   heading above when there is one, as al-folio's sidebar-TOC post writes
 *   `{:data-toc-text=…}` that way and means the heading.
 * Headings keep their attributes on the token (`attrs`, read by the heading
 * renderer and the TOC); other blocks are wrapped in an `attributed` token
 * whose renderer puts the attributes on the block's first tag.
 */
import type { MarkedExtension, Token, Tokens } from "marked";
import { mergeAttributes, parseAttributeList, withAttributes, type Attributes } from "./attributes.ts";

/** Private Use character marking an attribute line that followed its block directly. */
export const ATTACHED = "\uE002";

const ATTRIBUTE_LINE = /^ {0,3}\{:(?![:/])(?:[^"'}\n]|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')*\}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Give attribute lines written under a block a line of their own (see the module comment). */
export function separateAttributeLines(source: string): string {
  if (!source.includes("{:")) return source;
  const lines = source.split("\n");
  const out: string[] = [];
  let fence = "";
  let previousBlank = true;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && !line.slice(f[0].length).trim()) fence = "";
    } else if (f) {
      fence = f[1]!;
    } else if (ATTRIBUTE_LINE.test(line) && !previousBlank && !out.at(-1)!.trimStart().startsWith(ATTACHED)) {
      out.push("", ATTACHED + line.trimStart());
      previousBlank = false;
      continue;
    }
    out.push(line);
    previousBlank = !line.trim();
  }
  return out.join("\n");
}

export interface BlockAttributesToken extends Tokens.Generic {
  type: "blockAttributes";
  raw: string;
  /** The inside of the braces. */
  text: string;
  attached: boolean;
  /** A blank line follows (marked folds a single blank line into the token before, so the list keeps it). */
  blankAfter: boolean;
  /** Set for an attribute list definition `{:name: …}`. */
  define?: string;
}

export interface AttributedToken extends Tokens.Generic {
  type: "attributed";
  raw: string;
  attrs: Attributes;
  tokens: Token[];
}

/** A heading with kramdown attributes (`{#id}`, or a block list): read by the heading renderer and the TOC. */
export type AttributedHeading = Tokens.Heading & { attrs?: Attributes };

const BLOCK_LIST = /^ {0,3}(\uE002)?\{:(?![:/])((?:[^"'}\n]|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')*)\}[ \t]*(?:\n|$)((?:[ \t]*(?:\n|$))*)/;
const DEFINITION = /^(\w[\w-]*):(.*)$/s;

export const blockAttributes: MarkedExtension = {
  extensions: [
    {
      name: "blockAttributes",
      level: "block",
      tokenizer(src) {
        if (!src.startsWith("{:", src.search(/\S/)) && !src.startsWith(ATTACHED, src.search(/\S/))) return undefined;
        const m = BLOCK_LIST.exec(src);
        if (!m) return undefined;
        const d = DEFINITION.exec(m[2]!);
        return { type: "blockAttributes", raw: m[0], text: d ? d[2]! : m[2]!, attached: !!m[1], blankAfter: !!m[3] || m[0].length === src.length, ...(d ? { define: d[1]! } : {}) } satisfies BlockAttributesToken;
      },
      renderer: () => "",
    },
    {
      name: "attributed",
      renderer(token) {
        const t = token as AttributedToken;
        return withAttributes(this.parser.parse(t.tokens), t.attrs);
      },
    },
  ],
};

/** What applying the lists found: refused parts and unknown references, with the list's text to locate them. */
export interface AttributeProblem {
  list: string;
  message: string;
}

/** Resolves `{: ref}` against the document's definitions (which may come later, as in kramdown). */
export class AttributeResolver {
  readonly problems: AttributeProblem[] = [];
  constructor(private readonly definitions: Map<string, string>) {}

  resolve(text: string, seen: Set<string> = new Set()): Attributes {
    const parsed = parseAttributeList(text);
    for (const reason of parsed.refused) this.problems.push({ list: text, message: `attribute list part not applied: ${reason}` });
    const attrs = Object.create(null) as Attributes;
    for (const ref of parsed.refs) {
      const def = this.definitions.get(ref);
      if (def === undefined) this.problems.push({ list: text, message: `attribute list refers to \`${ref}\`, which no \`{:${ref}: …}\` defines` });
      else if (!seen.has(ref)) mergeAttributes(attrs, this.resolve(def, new Set([...seen, ref])));
    }
    return mergeAttributes(attrs, parsed.attrs);
  }
}

/** Every `{:name: …}` definition in the document, by name (a later one wins, as in kramdown). */
export function collectDefinitions(tokens: readonly Token[], into: Map<string, string> = new Map()): Map<string, string> {
  for (const t of tokens) {
    if (t.type === "blockAttributes" && (t as BlockAttributesToken).define) into.set((t as BlockAttributesToken).define!, (t as BlockAttributesToken).text);
    for (const child of blockChildren(t)) collectDefinitions(child, into);
  }
  return into;
}

/** The block-level token lists inside a block token (blockquote, list items, footnote definitions…). */
export function blockChildren(t: Token): Token[][] {
  if (t.type === "list") return (t as Tokens.List).items.map((i) => i.tokens);
  if (t.type === "paragraph" || t.type === "heading" || t.type === "text" || t.type === "table") return [];
  if ("tokens" in t && Array.isArray(t.tokens)) return [t.tokens as Token[]];
  return [];
}

const EMPTY: Tokens.Space = { type: "space", raw: "" };

/** Move every block attribute list onto its block (module comment); run before heading ids are assigned. */
export function applyBlockAttributes(tokens: Token[], resolver: AttributeResolver): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "blockAttributes") {
      for (const child of blockChildren(t)) applyBlockAttributes(child, resolver);
      continue;
    }
    const list = t as BlockAttributesToken;
    tokens[i] = EMPTY;
    if (list.define) continue;
    let prev = i - 1;
    while (prev >= 0 && (tokens[prev]!.type === "space" || tokens[prev]!.type === "blockAttributes")) prev--;
    const next = !list.blankAfter && tokens[i + 1] && tokens[i + 1]!.type !== "space" ? i + 1 : -1;
    const target = list.attached ? prev : next >= 0 ? next : prev >= 0 && tokens[prev]!.type === "heading" ? prev : -1;
    if (target < 0) continue;
    const attrs = resolver.resolve(list.text);
    // A list before its block is applied when the loop reaches that block's list-free position; attach now.
    attach(tokens, target, attrs);
  }
}

function attach(tokens: Token[], index: number, attrs: Attributes): void {
  const t = tokens[index]!;
  if (t.type === "heading") {
    const h = t as AttributedHeading;
    h.attrs = mergeAttributes(h.attrs ?? (Object.create(null) as Attributes), attrs);
  } else if (t.type === "attributed") {
    mergeAttributes((t as AttributedToken).attrs, attrs);
  } else if (t.type !== "space") {
    tokens[index] = { type: "attributed", raw: t.raw, attrs, tokens: [t] } satisfies AttributedToken;
  }
}

const HEADING_ID = /[ \t]*\{#([A-Za-z][\w:-]*)\}[ \t]*$/;

/** `## Title {#id}`: take the id off the heading's text into its attributes. */
export function takeHeadingIds(tokens: readonly Token[]): void {
  for (const t of tokens) {
    if (t.type === "heading") {
      const h = t as AttributedHeading;
      const last = h.tokens.at(-1);
      const m = last?.type === "text" ? HEADING_ID.exec((last as Tokens.Text).text) : null;
      if (!m || !last) continue;
      (last as Tokens.Text).text = (last as Tokens.Text).text.slice(0, m.index);
      last.raw = last.raw.replace(HEADING_ID, "");
      if (!(last as Tokens.Text).text) h.tokens.pop();
      h.text = h.text.replace(HEADING_ID, "");
      h.attrs = mergeAttributes(h.attrs ?? (Object.create(null) as Attributes), { id: m[1]! });
    } else {
      for (const child of blockChildren(t)) takeHeadingIds(child);
    }
  }
}
