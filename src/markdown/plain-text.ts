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

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** HTML character references in text (`&amp;`, `&#39;`, `&#x3C;`) → characters; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref, body: string) => {
    if (body[0] !== "#") return NAMED[body.toLowerCase()] ?? ref;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}
