import type { Token } from "marked";

/** The visible text of inline tokens (`**Bold** _x_` → `Bold x`): what heading ids and TOC labels are made from. */
export function plainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    // Citation marks and footnotes are not part of a heading's name.
    if (t.type === "dCite" || t.type === "dFootnote") continue;
    if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) out += plainText(t.tokens as Token[]);
    else if (t.type === "html") continue;
    else if ("text" in t && typeof t.text === "string") out += t.text;
  }
  return out;
}
