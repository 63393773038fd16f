/**
 * The inline token lists of a lexed document, for the passes that work on
 * text (span attributes, footnote references, typography, abbreviations,
 * emoji). Block containers are entered (blockquotes, list items, tables,
 * extension blocks with `tokens`); code, HTML and math hold no inline lists.
 */
import type { Token, Tokens } from "marked";

const INLINE_HOLDERS = new Set(["paragraph", "heading", "text"]);

/** Each inline list directly under a block (paragraph, heading, tight list text, table cell), in document order. */
export function blockInlineLists(tokens: readonly Token[], out: Token[][] = []): Token[][] {
  for (const t of tokens) {
    if ((INLINE_HOLDERS.has(t.type) || (t.type === "markdownHtml" && t["span"] === true)) && "tokens" in t && Array.isArray(t.tokens)) out.push(t.tokens as Token[]);
    else if (t.type === "list") for (const item of (t as Tokens.List).items) blockInlineLists(item.tokens, out);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const cell of table.header) out.push(cell.tokens);
      for (const row of table.rows) for (const cell of row) out.push(cell.tokens);
    } else if ("tokens" in t && Array.isArray(t.tokens)) blockInlineLists(t.tokens as Token[], out);
  }
  return out;
}

/** Every inline list, nested ones too (the text of a link inside emphasis), parents before children. */
export function allInlineLists(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  const add = (list: Token[]) => {
    out.push(list);
    for (const t of list) if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length) add(t.tokens as Token[]);
  };
  for (const list of blockInlineLists(tokens)) add(list);
  return out;
}
