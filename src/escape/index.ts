/**
 * The one escaping module. Every value that is data (front matter, Liquid
 * parameters, BibTeX fields, request data) goes through one of these for the
 * context it lands in. Post bodies are trusted HTML and are not escaped.
 */

/*
 * U+E000 and U+E001 delimit the build's fragment placeholders in a stored body
 * (src/markdown/fragments.ts). Data that held them could name another tag's
 * output and have it expanded where the data stands, so they are written as
 * character references: the same characters to a reader, never a placeholder.
 */
const HTML_TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\uE000": "&#xE000;", "\uE001": "&#xE001;" };
const HTML_ATTR: Record<string, string> = { ...HTML_TEXT, '"': "&quot;", "'": "&#39;" };

// Most values hold nothing to escape: a test (no callback, no new string) first makes those cheap.
const NEEDS_TEXT = /[&<>\uE000\uE001]/;
const NEEDS_ATTR = /[&<>"'\uE000\uE001]/;
const TEXT_CHARS = /[&<>\uE000\uE001]/g;
const ATTR_CHARS = /[&<>"'\uE000\uE001]/g;

const DELIMITERS = /[\uE000\uE001]/g;

/**
 * Only the placeholder delimiters, as character references: for data that is
 * rendered as Markdown (a caption parameter), where `& < >` keep their meaning.
 */
export function escapePlaceholders(value: string): string {
  return value.replace(DELIMITERS, (c) => HTML_TEXT[c] ?? c);
}

/** Escape for HTML text content (`& < >`, and the placeholder delimiters U+E000/U+E001 as character references). */
export function escapeHtml(value: unknown): string {
  const text = String(value);
  return NEEDS_TEXT.test(text) ? text.replace(TEXT_CHARS, (c) => HTML_TEXT[c] ?? c) : text;
}

/** Escape for a quoted HTML attribute value (single or double quotes), placeholder delimiters included. */
export function escapeAttr(value: unknown): string {
  const text = String(value);
  return NEEDS_ATTR.test(text) ? text.replace(ATTR_CHARS, (c) => HTML_ATTR[c] ?? c) : text;
}

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * Make a URL safe to place in an href/src attribute: relative URLs pass,
 * absolute ones only with an http(s)/mailto scheme (no `javascript:`).
 * Returns the attribute-escaped URL, or `#` when the URL is refused.
 */
export function escapeUrl(value: string): string {
  const trimmed = value.trim();
  // Control characters and whitespace inside a scheme can smuggle `java\tscript:`.
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\u0000-\u0020]/g, ""));
  if (schemeMatch && !SAFE_SCHEMES.has(schemeMatch[1]!.toLowerCase() + ":")) return "#";
  return escapeAttr(trimmed);
}

/**
 * Serialise a value as JSON that is safe inside `<script>`: `<`, `>`, `&` and
 * the JS line separators are written as \u escapes, so `</script>` or `<!--`
 * cannot end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/**
 * Check CSS meant for a `<style>` element: it is author-trusted but must not
 * be able to close the element. Returns the text, or null when it contains `</style`.
 */
export function cssForStyleElement(css: string): string | null {
  return /<\/style/i.test(css) ? null : css;
}

// XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const XML_ILLEGAL = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drop the characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
export function stripXmlIllegal(value: string): string {
  return value.replace(XML_ILLEGAL, "");
}

/** Escape for XML text or attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(value: unknown): string {
  return stripXmlIllegal(String(value)).replace(/[&<>"']/g, (c) => HTML_ATTR[c] ?? c);
}
