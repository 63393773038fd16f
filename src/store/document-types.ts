/** Content types of the documents the build precomputes whole (see DocumentKind). */
import type { DocumentKind, RouteKind } from "./types.ts";

export const DOCUMENT_CONTENT_TYPES: Record<DocumentKind, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  // JSON Feed 1.1: "application/feed+json".
  "json-feed": "application/feed+json; charset=utf-8",
  sitemap: "application/xml; charset=utf-8",
  robots: "text/plain; charset=utf-8",
};

export function isDocumentKind(kind: RouteKind): kind is DocumentKind {
  return Object.hasOwn(DOCUMENT_CONTENT_TYPES, kind);
}
