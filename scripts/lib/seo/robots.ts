/** robots.txt (RFC 9309): everything may be crawled; the sitemap's absolute URL comes from site.yml. */
import { SITEMAP_PATH, absoluteUrl } from "../../../src/content/urls.ts";

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(origin, SITEMAP_PATH)}\n`;
}
