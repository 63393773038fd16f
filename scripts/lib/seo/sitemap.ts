/**
 * Sitemaps (https://www.sitemaps.org/protocol.html). One `<urlset>` at
 * /sitemap.xml while the site fits in one part; beyond that /sitemap.xml is a
 * sitemap index of parts, so no single response grows with the site.
 */
import { absoluteUrl, sitemapPartPath } from "../../../src/content/urls.ts";
import { xmlDocument } from "../xml-document.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** URLs per sitemap file (the protocol allows 50,000; smaller parts keep each response a few hundred KB). */
export const SITEMAP_PART_SIZE = 2000;

export interface SitemapEntry {
  /** Site path. */
  path: string;
  /** ISO 8601 date-time of the last change, when known. */
  lastmod?: string;
}

function urlset(origin: string, entries: readonly SitemapEntry[]): string {
  return xmlDocument("urlset", { "@xmlns": SITEMAP_NS, url: entries.map((e) => ({ loc: absoluteUrl(origin, e.path), lastmod: e.lastmod })) });
}

/** The newest `lastmod` (the first listed of equal instants), each date parsed once rather than once per comparison of a sort. */
function latest(entries: readonly SitemapEntry[]): string | undefined {
  let best: string | undefined;
  let bestTime = -Infinity;
  for (const { lastmod } of entries) {
    if (!lastmod) continue;
    const time = Date.parse(lastmod);
    if (best === undefined || time > bestTime) {
      best = lastmod;
      bestTime = time;
    }
  }
  return best;
}

/** Sitemap documents by site path: /sitemap.xml, plus /sitemaps/N.xml when the site needs more than one part. */
export function sitemapDocuments(origin: string, entries: readonly SitemapEntry[], partSize = SITEMAP_PART_SIZE): Map<string, string> {
  const docs = new Map<string, string>();
  if (entries.length <= partSize) {
    docs.set("/sitemap.xml", urlset(origin, entries));
    return docs;
  }
  const index: { loc: string; lastmod: string | undefined }[] = [];
  for (let n = 1; (n - 1) * partSize < entries.length; n++) {
    const part = entries.slice((n - 1) * partSize, n * partSize);
    docs.set(sitemapPartPath(n), urlset(origin, part));
    index.push({ loc: absoluteUrl(origin, sitemapPartPath(n)), lastmod: latest(part) });
  }
  docs.set("/sitemap.xml", xmlDocument("sitemapindex", { "@xmlns": SITEMAP_NS, sitemap: index }));
  return docs;
}
