/**
 * kramdown footnotes: `text[^id]` refers to a definition `[^id]: note` (a
 * block anywhere in the document; following lines indented by four spaces or
 * a tab continue it, blank lines included, so a note can hold paragraphs,
 * lists and code). Names are kramdown's (`\w[\w-]*`).
 *
 * `resolveFootnotes` (a pass after lexing) numbers the notes by first
 * reference, as kramdown does; a reference to a name nobody defines stays
 * text and is reported. Two ways to show them:
 * - `endnotes` (layout: post, feeds): kramdown's markup, superscript links
 *   `fnref:id` → `fn:id` and, at the end of the body, the list
 *   `<div class="footnotes" role="doc-endnotes"><ol>…` with a backlink per
 *   reference;
 * - `distill`: each reference becomes a distill footnote (footnote.ts), so it
 *   shares the `<d-footnote>` numbering, hover card and appendix list.
 * Definitions render as nothing where they stand.
 */
import type { MarkedExtension, Token, Tokens } from "marked";
import { escapeAttr } from "../../escape/index.ts";
import type { FootnoteToken } from "./footnote.ts";
import { blockChildren } from "./block-attributes.ts";
import { blockInlineLists } from "../inline-lists.ts";

export interface FootnoteDefinitionToken extends Tokens.Generic {
  type: "footnoteDefinition";
  raw: string;
  name: string;
  tokens: Token[];
}

export interface FootnoteReferenceToken extends Tokens.Generic {
  type: "footnoteReference";
  raw: string;
  name: string;
  /** Set by resolveFootnotes: the note's number and which reference to it this is (0 = first). */
  n?: number;
  repeat?: number;
}

interface Endnote {
  name: string;
  n: number;
  /** References to this note after the first (each gets its own backlink). */
  repeats: number;
  blocks: Token[];
}

export interface FootnoteListToken extends Tokens.Generic {
  type: "footnoteList";
  raw: string;
  notes: Endnote[];
}

export type FootnoteStyle = "endnotes" | "distill";

const DEFINITION_START = /^ {0,3}\[\^(\w[\w-]*)\]:[ \t]*/;
const INDENTED = /^(?: {4}|\t)/;

/** The definition starting `src`: its raw text and its content with the continuation indent removed. */
function readDefinition(src: string): { name: string; raw: string; content: string } | undefined {
  const m = DEFINITION_START.exec(src);
  if (!m) return undefined;
  const lines = src.split("\n");
  const content = [lines[0]!.slice(m[0].length)];
  let taken = 1;
  let afterIndented = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      // A blank run belongs to the note only when an indented line follows it.
      let j = i;
      while (j < lines.length && !lines[j]!.trim()) j++;
      if (j >= lines.length || !INDENTED.test(lines[j]!)) break;
      for (; i < j; i++) content.push("");
      i--;
      taken = j;
      afterIndented = false;
      continue;
    }
    if (INDENTED.test(line)) afterIndented = true;
    else if (!afterIndented || DEFINITION_START.test(line)) break;
    content.push(line.replace(INDENTED, ""));
    taken = i + 1;
  }
  const raw = lines.slice(0, taken).join("\n") + (taken < lines.length ? "\n" : "");
  return { name: m[1]!, raw, content: content.join("\n") };
}

const refId = (name: string, repeat: number) => `fnref:${name}${repeat ? `:${repeat}` : ""}`;

export const kramdownFootnotes: MarkedExtension = {
  extensions: [
    {
      name: "footnoteDefinition",
      level: "block",
      tokenizer(src) {
        const d = readDefinition(src);
        if (!d) return undefined;
        return { type: "footnoteDefinition", raw: d.raw, name: d.name, tokens: this.lexer.blockTokens(d.content, []) } satisfies FootnoteDefinitionToken;
      },
      renderer: () => "",
    },
    {
      name: "footnoteReference",
      level: "inline",
      start(src) {
        const i = src.indexOf("[^");
        return i < 0 ? undefined : i;
      },
      tokenizer(src) {
        const m = /^\[\^(\w[\w-]*)\]/.exec(src);
        return m ? ({ type: "footnoteReference", raw: m[0], name: m[1]! } satisfies FootnoteReferenceToken) : undefined;
      },
      renderer(token) {
        const t = token as FootnoteReferenceToken;
        const name = escapeAttr(t.name);
        return `<sup id="${refId(name, t.repeat ?? 0)}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${t.n ?? 0}</a></sup>`;
      },
    },
    {
      name: "footnoteList",
      renderer(token) {
        const items = (token as FootnoteListToken).notes.map((note) => {
          const name = escapeAttr(note.name);
          let back = `<a href="#${refId(name, 0)}" class="reversefootnote" role="doc-backlink">&#8617;</a>`;
          for (let r = 1; r <= note.repeats; r++) back += ` <a href="#${refId(name, r)}" class="reversefootnote" role="doc-backlink">&#8617;<sup>${r + 1}</sup></a>`;
          const body = this.parser.parse(note.blocks).trimEnd();
          // kramdown puts the backlinks at the end of the note's last paragraph.
          const withBack = body.endsWith("</p>") ? `${body.slice(0, -4)}&nbsp;${back}</p>` : `${body}\n<p>${back}</p>`;
          return `<li id="fn:${name}">\n${withBack}\n</li>\n`;
        });
        return `<div class="footnotes" role="doc-endnotes">\n<ol>\n${items.join("")}</ol>\n</div>\n`;
      },
    },
  ],
};

function collectDefinitions(tokens: readonly Token[], into: Map<string, FootnoteDefinitionToken>, duplicates: string[]): void {
  for (const t of tokens) {
    if (t.type === "footnoteDefinition") {
      const d = t as FootnoteDefinitionToken;
      if (into.has(d.name)) duplicates.push(d.name);
      else into.set(d.name, d);
    }
    for (const child of blockChildren(t)) collectDefinitions(child, into, duplicates);
  }
}

function eachReference(lists: readonly Token[][], visit: (t: FootnoteReferenceToken, list: Token[], i: number) => void): void {
  const walk = (list: Token[]) => {
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.type === "footnoteReference") visit(t as FootnoteReferenceToken, list, i);
      else if ("tokens" in t && Array.isArray(t.tokens)) walk(t.tokens as Token[]);
    }
  };
  for (const list of lists) walk(list);
}

/** The inline content of a note's paragraphs, joined by line breaks: what a distill hover card can hold. */
function cardTokens(blocks: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const b of blocks) {
    if ((b.type !== "paragraph" && b.type !== "text") || !("tokens" in b)) continue;
    if (out.length) out.push({ type: "br", raw: "\n" } satisfies Tokens.Br);
    out.push(...((b as Tokens.Paragraph).tokens ?? []));
  }
  return out;
}

export interface FootnoteProblems {
  /** Names referred to but never defined. */
  undefined: string[];
  /** Names defined more than once (the first definition is used). */
  duplicates: string[];
}

/** Number references and attach their notes (module comment); run before distill footnotes are numbered. */
export function resolveFootnotes(tokens: Token[], style: FootnoteStyle): FootnoteProblems {
  const definitions = new Map<string, FootnoteDefinitionToken>();
  const duplicates: string[] = [];
  collectDefinitions(tokens, definitions, duplicates);
  const missing = new Set<string>();
  const notes = new Map<string, Endnote>();
  const resolve = (t: FootnoteReferenceToken, list: Token[], i: number) => {
    const def = definitions.get(t.name);
    if (!def) {
      missing.add(t.name);
      list[i] = { type: "text", raw: t.raw, text: t.raw, escaped: false } satisfies Tokens.Text;
      return;
    }
    let note = notes.get(t.name);
    if (!note) {
      note = { name: t.name, n: notes.size + 1, repeats: 0, blocks: def.tokens };
      notes.set(t.name, note);
      t.repeat = 0;
    } else {
      t.repeat = ++note.repeats;
    }
    t.n = note.n;
    if (style === "distill") {
      Object.assign(t, { type: "dFootnote", tokens: cardTokens(def.tokens), key: t.name, note: def.tokens } satisfies Partial<FootnoteToken>);
    }
  };
  // The text first, then the notes' own text (a note may refer to another), in number order.
  eachReference(blockInlineLists(tokens.filter((t) => t.type !== "footnoteDefinition")), resolve);
  for (const note of notes.values()) eachReference(blockInlineLists(note.blocks), resolve);
  if (style === "endnotes" && notes.size) tokens.push({ type: "footnoteList", raw: "", notes: [...notes.values()] } satisfies FootnoteListToken);
  return { undefined: [...missing], duplicates };
}
