/**
 * The worker's side of Liquid placeholders (see ./fragments.ts): after the
 * prepared body is lexed, every `\uE000liquid:N\uE001` is swapped for its
 * fragment, so no tag output is ever parsed as Markdown:
 * - a paragraph that holds only placeholders becomes the fragments' HTML (no `<p>`);
 * - inside a paragraph, in raw HTML blocks and inline HTML, the fragment goes in place;
 * - `liquid:N:inline` fragments hold inline Markdown (a caption, a summary)
 *   lexed here, once, inside their element, so citations and footnotes in them
 *   are numbered in document order by the passes that follow.
 * Run before splitMarksInHtml: fragment HTML is marked as block HTML so marks
 * inside it are found there.
 */
import { Lexer, type Marked, type Token, type Tokens } from "marked";
import { PLACEHOLDER, type Fragments } from "./fragments.ts";

/** `text`: what stood around the placeholders; `html`: a fragment; `inline`: inline Markdown of an inline fragment. */
type Part = { text: string } | { html: string } | { inline: string };

const ONLY_PLACEHOLDERS = /^(?:\s*\uE000[^\uE000\uE001\s]{1,80}\uE001)+\s*$/;
const has = (text: string) => text.includes("\uE000");

/** Split text into HTML and inline-Markdown parts, expanding fragments (and fragments inside fragments). */
function expand(text: string, fragments: Fragments, depth = 0): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(depth ? { html: text.slice(last, m.index) } : { text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const key = m[1]!;
    const value = Object.hasOwn(fragments, key) ? fragments[key]! : undefined;
    // A placeholder without its fragment (a stale body) renders as nothing rather than as PUA characters.
    if (value === undefined) continue;
    if (key.endsWith(":inline")) parts.push({ inline: value });
    else if (depth < 8 && has(value)) parts.push(...expand(value, fragments, depth + 1));
    else parts.push({ html: value });
  }
  if (last < text.length) parts.push(depth ? { html: text.slice(last) } : { text: text.slice(last) });
  return parts;
}

const htmlToken = (text: string): Tokens.HTML => ({ type: "html", raw: text, text, block: true, pre: false });

/** Fragments that are block elements (a figure, a tweet's blockquote) cannot sit inside a `<p>`. */
const BLOCK_HTML = /^\s*<(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|ol|p|pre|section|table|ul)\b/i;

/**
 * A paragraph whose text ran into a block fragment (`A tweet:\n{% twitter … %}`)
 * is split around it, as a browser would otherwise close the `<p>` early and
 * leave a stray `</p>`: paragraphs of the inline runs, the block between them.
 */
function splitAtBlocks(paragraph: Tokens.Paragraph): Token[] {
  if (!paragraph.tokens.some((t) => t.type === "html" && BLOCK_HTML.test((t as Tokens.HTML).text))) return [paragraph];
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && run.at(-1)!.type === "text" && !(run.at(-1) as Tokens.Text).text.trim()) run.pop();
    while (run.length && run[0]!.type === "text" && !(run[0] as Tokens.Text).text.trim()) run.shift();
    const first = run[0];
    if (first?.type === "text" && !("tokens" in first && first.tokens)) run[0] = { ...(first as Tokens.Text), text: (first as Tokens.Text).text.trimStart() };
    const last = run.at(-1);
    if (last?.type === "text" && !("tokens" in last && last.tokens)) run[run.length - 1] = { ...(last as Tokens.Text), text: (last as Tokens.Text).text.trimEnd() };
    if (run.length) out.push({ type: "paragraph", raw: run.map((t) => t.raw).join(""), text: run.map((t) => t.raw).join(""), tokens: run } satisfies Tokens.Paragraph);
    run = [];
  };
  for (const t of paragraph.tokens) {
    if (t.type === "html" && BLOCK_HTML.test((t as Tokens.HTML).text)) {
      flush();
      out.push(t);
    } else run.push(t);
  }
  flush();
  return out;
}

/**
 * Tokens for text that holds placeholders: fragments as raw HTML, inline
 * fragments lexed, and the text around them as `around` says (raw HTML in an
 * HTML token, escaped text in a text token).
 */
function tokensFor(markdown: Marked, text: string, fragments: Fragments, around: "html" | "text", escaped = false): Token[] {
  const out: Token[] = [];
  for (const part of expand(text, fragments)) {
    if ("inline" in part) out.push(...Lexer.lexInline(part.inline, markdown.defaults));
    else if ("html" in part) out.push(htmlToken(part.html));
    else if (around === "html") out.push(htmlToken(part.text));
    else out.push({ type: "text", raw: part.text, text: part.text, escaped } satisfies Tokens.Text);
  }
  return out;
}

/** One token standing for `parts`: plain HTML when it is all HTML, else a container rendered inline. */
function single(parts: Token[]): Token {
  if (parts.length === 1 && parts[0]!.type === "html") return parts[0]!;
  const raw = parts.map((p) => p.raw).join("");
  return { type: "htmlMarks", raw, tokens: parts } as Tokens.Generic as Token;
}

function swapList(markdown: Marked, tokens: Token[], fragments: Fragments): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const t = token as Tokens.Generic;
    if (token.type === "paragraph" && ONLY_PLACEHOLDERS.test((token as Tokens.Paragraph).text)) {
      out.push(single(tokensFor(markdown, (token as Tokens.Paragraph).text.trim(), fragments, "html")));
      continue;
    }
    // Only a placeholder the stored body holds literally counts: marked decodes `&#xE000;` (how escaped data
    // writes the delimiter, src/escape/) into the character in `text`, but `raw` keeps the reference.
    if ((token.type === "html" || token.type === "text") && typeof t["text"] === "string" && has(t["raw"] as string) && has(t["text"] as string) && !t["tokens"]) {
      const text = t["text"] as string;
      if (token.type === "html") out.push(single(tokensFor(markdown, text, fragments, "html")));
      else out.push(...tokensFor(markdown, text, fragments, "text", Boolean(t["escaped"])));
      continue;
    }
    if ((token.type === "codespan" || token.type === "code") && has(t["raw"] as string) && has(t["text"] as string)) {
      t["text"] = (t["text"] as string).replace(PLACEHOLDER, (_m, key: string) => (Object.hasOwn(fragments, key) ? fragments[key]! : ""));
    }
    if (Array.isArray(t["tokens"])) t["tokens"] = swapList(markdown, t["tokens"] as Token[], fragments);
    if (token.type === "paragraph") {
      out.push(...splitAtBlocks(token as Tokens.Paragraph));
      continue;
    }
    if (token.type === "list") for (const item of (token as Tokens.List).items) item.tokens = swapList(markdown, item.tokens, fragments);
    if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) cell.tokens = swapList(markdown, cell.tokens, fragments);
    }
    out.push(token);
  }
  return out;
}

/** Swap every placeholder in a lexed document for its fragment, in place. */
export function swapPlaceholders(markdown: Marked, tokens: Token[], fragments: Fragments): void {
  const swapped = swapList(markdown, tokens, fragments);
  tokens.splice(0, tokens.length, ...swapped);
}
