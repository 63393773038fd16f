/**
 * kramdown's extension tags, as blocks (on their own lines) and as spans:
 * - `{::nomarkdown}…{:/}` (or `{:/nomarkdown}`): the content is output as
 *   written, not parsed as Markdown (al-folio wraps its jupyter_notebook tag
 *   in it). It becomes a raw HTML token, so later passes that look into HTML
 *   (citations, Liquid placeholders) still see it;
 * - `{::comment}…{:/}`: nothing is output;
 * - `{::options … /}`: kramdown parser options; nothing is output (ours are fixed).
 * A self-closing form `{::comment /}` is empty. An opening tag without its
 * closing tag is an error (`unclosedExtension` token, reported by the pipeline).
 */
import type { MarkedExtension, Tokens } from "marked";

export interface UnclosedExtensionToken extends Tokens.Generic {
  type: "unclosedExtension";
  raw: string;
  name: string;
}

const OPEN = /^\{::(nomarkdown|comment|options)\b((?:[^"'}\n]|"[^"\n]*"|'[^'\n]*')*?)(\/)?\}/;

type Found = { kind: "empty"; length: number } | { kind: "content"; name: string; content: string; length: number } | { kind: "unclosed"; name: string; length: number };

/** Read an extension tag at the start of `src`: its content and the length it spans. */
function read(src: string): Found | undefined {
  const m = OPEN.exec(src);
  if (!m) return undefined;
  const name = m[1]!;
  if (m[3] || name === "options") return { kind: "empty", length: m[0].length };
  const close = /\{:\/(nomarkdown|comment)?\}/g;
  close.lastIndex = m[0].length;
  for (let c = close.exec(src); c; c = close.exec(src)) {
    if (c[1] === undefined || c[1] === name) return { kind: "content", name, content: src.slice(m[0].length, c.index), length: c.index + c[0].length };
  }
  return { kind: "unclosed", name, length: m[0].length };
}

export const kramdownExtensions: MarkedExtension = {
  extensions: [
    {
      name: "kramdownExtensionBlock",
      level: "block",
      // No `start`: as in kramdown, an extension tag does not interrupt a paragraph (and a
      // block `start` would rescan the rest of the document at every paragraph).
      tokenizer(src) {
        const indent = /^ {0,3}/.exec(src)![0].length;
        const found = read(src.slice(indent));
        if (!found) return undefined;
        // The block runs to the end of the closing tag's line.
        const eol = src.indexOf("\n", indent + found.length);
        const raw = eol < 0 ? src : src.slice(0, eol + 1);
        if (src.slice(indent + found.length, eol < 0 ? undefined : eol).trim()) return undefined;
        if (found.kind === "unclosed") return { type: "unclosedExtension", raw, name: found.name } satisfies UnclosedExtensionToken;
        if (found.kind === "empty" || found.name === "comment") return { type: "space", raw } satisfies Tokens.Space;
        const text = found.content.replace(/^[ \t]*\n/, "");
        return { type: "html", raw, text, block: true, pre: false } satisfies Tokens.HTML;
      },
    },
    {
      name: "kramdownExtensionSpan",
      level: "inline",
      start(src) {
        const i = src.indexOf("{::");
        return i < 0 ? undefined : i;
      },
      tokenizer(src) {
        const found = read(src);
        if (!found) return undefined;
        const raw = src.slice(0, found.length);
        if (found.kind === "unclosed") return { type: "unclosedExtension", raw, name: found.name } satisfies UnclosedExtensionToken;
        if (found.kind === "empty" || found.name === "comment") return { type: "text", raw, text: "", escaped: true } satisfies Tokens.Text;
        return { type: "html", raw, text: found.content, block: false, inLink: false, inRawBlock: false } satisfies Tokens.Tag;
      },
    },
    { name: "unclosedExtension", renderer: () => "" },
  ],
};
