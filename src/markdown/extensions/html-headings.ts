/**
 * Headings an author wrote as raw HTML (`<h2 id="x" data-toc-skip>…</h2>`),
 * found in an HTML token so the TOC lists them as al-folio's client-side
 * TOC does. The author's HTML is kept as written, except that a heading
 * without an id gets one (as bootstrap-toc gives it in the browser), so the
 * TOC link has a target.
 */
import type { Tokens } from "marked";
import type { SlugRegistry } from "../../content/slug.ts";
import { escapeAttr } from "../../escape/index.ts";
import { decodeEntities } from "../plain-text.ts";
import type { Heading } from "./headings.ts";

const HEADING = /<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The TOC fields of a heading from its attributes (absent ones left out). */
export function tocFields(attrs: Readonly<Record<string, string>> | undefined): Pick<Heading, "tocText" | "tocSkip"> {
  if (!attrs) return {};
  const text = attrs["data-toc-text"];
  return { ...(text ? { tocText: text } : {}), ...("data-toc-skip" in attrs ? { tocSkip: true } : {}) };
}

/** An HTML start tag's attributes, names lowercased, values decoded (`data-toc-skip` → ""). */
export function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** The headings in one HTML token, in order; ids are added to the token's HTML where missing. */
export function htmlHeadings(token: Tokens.HTML, slugs: SlugRegistry): Heading[] {
  if (!/<h[1-6]/i.test(token.text)) return [];
  const found: Heading[] = [];
  token.text = token.text.replace(HEADING, (whole, level: string, attrText: string | undefined, inner: string) => {
    const attrs = parseAttributes(attrText ?? "");
    const text = decodeEntities(inner.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
    const id = attrs["id"] || slugs.unique(text);
    if (attrs["id"]) slugs.reserve(attrs["id"]); // so a later heading cannot take it
    found.push({ depth: Number(level), text, id, ...tocFields(attrs) });
    return attrs["id"] ? whole : `<h${level} id="${escapeAttr(id)}"${whole.slice(3)}`;
  });
  return found;
}
