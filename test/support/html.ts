/** Small readers of rendered HTML for tests: what a reader (or a link) would find. */

/** Every `id="…"` in the page. */
export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}

/** Fragment targets of in-page links (`href="#x"`), in order. */
export function fragmentLinks(html: string): string[] {
  return [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decode(m[1]!));
}

/** The first element `<tag …class="cls"…>…</tag>` (no nesting of the same tag inside). */
export function section(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  if (start < 0) return "";
  const end = html.indexOf(close, start);
  return html.slice(start, end < 0 ? undefined : end + close.length);
}

const INLINE = /<\/?(?:a|em|strong|b|i|code|sup|sub|time)(?:\s[^>]*)?>/g;

/** Visible text: inline tags removed, other tags a space, entities decoded, whitespace collapsed. */
export function text(html: string): string {
  return decode(html.replace(/<!--[\s\S]*?-->/g, "").replace(INLINE, "").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
