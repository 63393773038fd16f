/**
 * Reference entries formatted in a Citation Style Language style with
 * citation-js (citeproc-js inside), at build time only: the HTML is stored
 * with the post (`BibEntry.html`), so the worker never loads the processor
 * and request CPU does not depend on the style.
 *
 * citeproc's output is re-serialised through an allow-list (`<i>`, `<b>`,
 * `<sup>`, `<sub>`, small caps, http(s) links) with every text run escaped
 * by the one escaping module: BibTeX fields stay data.
 */
import { citationJs } from "./citation-js.ts";
import { escapeHtml, escapeUrl } from "../../src/escape/index.ts";
import { ET_AL, type CslItem } from "./bibtex.ts";
import { loadStyle, type StyleId } from "./csl-styles.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

const TAG = /<(\/?)([a-z]+)([^>]*)>/gi;

/**
 * citeproc's HTML for one entry → phrasing HTML we trust: the numeric label
 * (`csl-left-margin`, our list numbers entries) and block wrappers dropped,
 * allowed inline tags kept without attributes, links kept when http(s).
 */
export function sanitizeEntryHtml(source: string): string {
  const withoutLabel = source.replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/g, "");
  let out = "";
  let last = 0;
  // Open elements: the source tag, and the tag written for it.
  const open: { from: string; to: string }[] = [];
  const text = (s: string) => escapeHtml(decodeEntities(s));
  for (const m of withoutLabel.matchAll(TAG)) {
    out += text(withoutLabel.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]!.toLowerCase();
    if (!["i", "b", "sup", "sub", "span", "a"].includes(name)) continue;
    if (m[1] === "/") {
      const at = open.map((o) => o.from).lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()!.to}>`;
      continue;
    }
    const attrs = m[3] ?? "";
    const href = name === "a" ? decodeEntities(/href="([^"]*)"/.exec(attrs)?.[1] ?? "") : "";
    if (name === "span") out += /small-caps/.test(attrs) ? '<span class="small-caps">' : "<span>";
    else if (name === "a" && /^https?:\/\//i.test(href)) out += `<a href="${escapeUrl(href)}">`;
    else if (name === "a") out += "<span>";
    else out += `<${name}>`;
    open.push({ from: name, to: name === "a" && !out.endsWith('">') ? "span" : name });
  }
  out += text(withoutLabel.slice(last));
  while (open.length) out += `</${open.pop()!.to}>`;
  return out.replace(/\s+/g, " ").trim();
}

/** The `others` name as styles print it ("A, B, & et al.") → "A, B, et al.". */
const etAl = (html: string): string => html.replace(new RegExp(`,? (?:&amp;|and) ${ET_AL.replace(".", "\\.")}`, "g"), `, ${ET_AL}`);

/**
 * Format `items` (in citation order, which numeric styles number by) in
 * `style`; returns sanitised HTML by item id. Throws when the style is unknown:
 * the build checks `loadStyle` first and reports at file:line.
 */
export function formatEntries(items: readonly CslItem[], style: StyleId): Record<string, string> {
  if (!items.length) return {};
  if (!loadStyle(style)) throw new Error(`unknown citation style \`${style}\``);
  const { Cite } = citationJs();
  const entries = new Cite(items).format("bibliography", { format: "html", template: style, lang: "en-US", nosort: true, hyperlinks: true, asEntryArray: true });
  return Object.fromEntries(entries.map(([id, html]) => [id, etAl(sanitizeEntryHtml(html))]));
}
