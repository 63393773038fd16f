/**
 * kramdown attribute lists: parsing `{: #id .class key="value" ref}` and
 * writing the result onto an element's opening tag.
 *
 * Syntax followed (kramdown's "Inline Attribute Lists" and "Attribute List
 * Definitions"): `#id`, `.class`, `key="value"` / `key='value'` (a quote or `}`
 * inside is escaped with a backslash) and bare `ref` words naming an ALD
 * (`{:ref: .cls}`), resolved by the caller.
 *
 * Security choice: attribute lists are author markup, trusted like raw HTML,
 * but values are data: every value is attribute-escaped by src/escape, and
 * URL-valued attributes (href, src, …) go through escapeUrl so a list cannot
 * smuggle `javascript:`. Names must match kramdown's own name pattern
 * (`\w[\w-]*`, ASCII) so no markup can be injected through a name, and event
 * handlers (`on…`) are refused: the site's CSP does not run inline handlers,
 * so they could only fail silently (write a `<script>` if behaviour is needed).
 * Refused parts are reported to the author, never written.
 */
import { escapeAttr, escapeUrl } from "../../escape/index.ts";

/** Attribute values by name, in the order given; `class` holds space-joined classes. */
export type Attributes = Record<string, string>;

export interface ParsedAttributeList {
  attrs: Attributes;
  /** ALD names referred to, in order. */
  refs: string[];
  /** Parts that were not applied, with why. */
  refused: string[];
}

const PART = /\s*(?:#([A-Za-z][\w:-]*)|\.(-?[_A-Za-z][\w-]*)|([^\s"'=]+)=(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')|(\w[\w-]*)(?=\s|$)|(\S+))/gy;
const NAME = /^\w[\w-]*$/;
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "poster", "cite", "background", "srcset", "data", "manifest", "xlink:href"]);

/** Markdown backslash escapes in values (`"\_blank"`, as prettier writes them) mean the plain character. */
const unescape = (value: string): string => value.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/** Merge `extra` into `into` (classes accumulate, other names are replaced); returns `into`. */
export function mergeAttributes(into: Attributes, extra: Attributes): Attributes {
  for (const [name, value] of Object.entries(extra)) {
    into[name] = name === "class" && into[name] ? `${into[name]} ${value}` : value;
  }
  return into;
}

/**
 * Parse the inside of an attribute list (`.a #b k="v" ref`).
 * @example parseAttributeList('.block-tip #x data-k="1"') // { attrs: { class: "block-tip", id: "x", "data-k": "1" }, refs: [], refused: [] }
 */
export function parseAttributeList(text: string): ParsedAttributeList {
  const attrs: Attributes = Object.create(null) as Attributes;
  const refs: string[] = [];
  const refused: string[] = [];
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    const [, id, cls, name, dq, sq, ref, junk] = m;
    if (id !== undefined) attrs["id"] = id;
    else if (cls !== undefined) mergeAttributes(attrs, { class: cls });
    else if (name !== undefined) {
      if (!NAME.test(name)) refused.push(`\`${name}\` is not an attribute name`);
      else if (/^on/i.test(name)) refused.push(`event handler \`${name}\` (inline handlers do not run under the site's CSP)`);
      else mergeAttributes(attrs, { [name.toLowerCase() === "class" ? "class" : name]: unescape(dq ?? sq ?? "") });
    } else if (ref !== undefined) refs.push(ref);
    else if (junk !== undefined) refused.push(`\`${junk}\` is not an id, class, key="value" or reference`);
  }
  return { attrs, refs, refused };
}

/** ` name="value"` for each attribute, escaped for a double-quoted attribute (URLs checked). */
export function attributesHtml(attrs: Attributes): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    out += ` ${name}="${URL_ATTRS.has(name.toLowerCase()) ? escapeUrl(value) : escapeAttr(value)}"`;
  }
  return out;
}

const OPEN_TAG = /^(\s*<[A-Za-z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?>)/;
const EXISTING = /\s+([^\s=>/]+)(?:="([^"]*)")?/g;

/**
 * `html` (a renderer's output, starting with an element) with `attrs` on its
 * first opening tag: classes are appended to the existing ones, other names
 * replace what the renderer wrote. Output not starting with a tag is wrapped
 * in a `<span>` so the attributes still land somewhere.
 */
export function withAttributes(html: string, attrs: Attributes): string {
  if (!Object.keys(attrs).length) return html;
  const m = OPEN_TAG.exec(html);
  if (!m) return `<span${attributesHtml(attrs)}>${html}</span>`;
  let existing = "";
  let existingClass = "";
  for (const [, name, value] of m[2]!.matchAll(EXISTING)) {
    if (name === "class") existingClass = value ?? "";
    else if (!Object.hasOwn(attrs, name!)) existing += value === undefined ? ` ${name}` : ` ${name}="${value}"`;
  }
  // The renderer's values are already escaped; only the new ones go through attributesHtml.
  const merged = mergeAttributes(Object.create(null) as Attributes, attrs);
  const classAttr = existingClass ? ` class="${existingClass}${merged["class"] ? " " + escapeAttr(merged["class"]) : ""}"` : "";
  if (existingClass) delete merged["class"];
  return m[1]! + existing + classAttr + attributesHtml(merged) + m[3]! + html.slice(m[0].length);
}
