/**
 * Strong ETags derived from what a page is made of (content version, engine,
 * path), known before rendering, so a revalidation costs one KV read and no render.
 */

/** FNV-1a, hex: a short, stable digest for the path part of an ETag. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function pageEtag(version: string, engine: string, path: string): string {
  return `"${version}-${digest(engine)}-${digest(path)}"`;
}

/**
 * RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so `W/"x"` matches
 * `"x"`; `*` matches any current representation.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
