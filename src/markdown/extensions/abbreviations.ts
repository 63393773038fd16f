/**
 * kramdown abbreviations: a line `*[HTML]: Hyper Text Markup Language`
 * (anywhere in the document, shown as nothing) makes every whole-word
 * occurrence of `HTML` in the text an `<abbr title="Hyper Text Markup Language">`.
 * Code, raw HTML and link targets are not text and are left alone; the
 * title is data and is attribute-escaped.
 */
import type { MarkedExtension, Token, Tokens } from "marked";
import { escapeAttr, escapeHtml } from "../../escape/index.ts";
import { blockChildren } from "./block-attributes.ts";

interface AbbreviationDefinitionToken extends Tokens.Generic {
  type: "abbreviationDefinition";
  raw: string;
  abbr: string;
  title: string;
}

interface AbbreviationToken extends Tokens.Generic {
  type: "abbreviation";
  raw: string;
  text: string;
  title: string;
}

const DEFINITION = /^ {0,3}\*\[([^\]\n]+)\]:[ \t]*([^\n]*)(?:\n|$)/;

export const abbreviations: MarkedExtension = {
  extensions: [
    {
      name: "abbreviationDefinition",
      level: "block",
      tokenizer(src) {
        const m = DEFINITION.exec(src);
        return m ? ({ type: "abbreviationDefinition", raw: m[0], abbr: m[1]!.trim(), title: m[2]!.trim() } satisfies AbbreviationDefinitionToken) : undefined;
      },
      renderer: () => "",
    },
    {
      name: "abbreviation",
      renderer(token) {
        const t = token as AbbreviationToken;
        return t.title ? `<abbr title="${escapeAttr(t.title)}">${escapeHtml(t.text)}</abbr>` : `<abbr>${escapeHtml(t.text)}</abbr>`;
      },
    },
  ],
};

function collect(tokens: readonly Token[], into: Map<string, string>): void {
  for (const t of tokens) {
    if (t.type === "abbreviationDefinition") into.set((t as AbbreviationDefinitionToken).abbr, (t as AbbreviationDefinitionToken).title);
    for (const child of blockChildren(t)) collect(child, into);
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Span elements whose text may hold abbreviations. */
const CONTAINERS = new Set(["em", "strong", "del", "link", "spanAttributed"]);

/** Mark every abbreviation in the text of `blocks` (from blockInlineLists); `tokens` is the whole document. */
export function applyAbbreviations(tokens: readonly Token[], blocks: Iterable<Token[]>): void {
  const titles = new Map<string, string>();
  collect(tokens, titles);
  if (!titles.size) return;
  const names = [...titles.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  const walk = (list: Token[]) => {
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (CONTAINERS.has(t.type) && "tokens" in t && Array.isArray(t.tokens)) walk(t.tokens as Token[]);
      if (t.type !== "text" || (t as Tokens.Text).escaped || ("tokens" in t && t.tokens)) continue;
      const text = (t as Tokens.Text).text;
      const parts: Token[] = [];
      let last = 0;
      for (const m of text.matchAll(pattern)) {
        if (m.index > last) parts.push({ type: "text", raw: text.slice(last, m.index), text: text.slice(last, m.index), escaped: false } satisfies Tokens.Text);
        parts.push({ type: "abbreviation", raw: m[0], text: m[0], title: titles.get(m[0])! } satisfies AbbreviationToken);
        last = m.index + m[0].length;
      }
      if (!parts.length) continue;
      if (last < text.length) parts.push({ type: "text", raw: text.slice(last), text: text.slice(last), escaped: false } satisfies Tokens.Text);
      list.splice(i, 1, ...parts);
      i += parts.length - 1;
    }
  };
  for (const list of blocks) walk(list);
}
