/** schema.org `BlogPosting` for a post page (https://schema.org/BlogPosting), as JSON-LD data. */
import type { SiteConfig } from "../content/types.ts";
import type { PostPage } from "../store/types.ts";
import { absoluteUrl } from "../content/urls.ts";
import { imageUrl } from "./head-meta.ts";

export function blogPosting(site: SiteConfig, page: PostPage): Record<string, unknown> {
  const { meta } = page.post;
  const pageUrl = absoluteUrl(site.url, meta.path);
  const authors = meta.authors.length
    ? meta.authors.map((a) => ({ "@type": "Person", name: a.name, ...(a.url ? { url: a.url } : {}) }))
    : site.author ? [{ "@type": "Person", name: site.author }] : [];
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    url: pageUrl,
    mainEntityOfPage: { "@type": "WebPage", "@id": pageUrl },
    datePublished: meta.date,
    dateModified: meta.lastModified ?? meta.date,
    ...(authors.length ? { author: authors } : {}),
    ...(page.image ? { image: imageUrl(site, page.image) } : {}),
    ...(meta.tags.length ? { keywords: meta.tags } : {}),
    publisher: { "@type": "Organization", name: site.title, url: absoluteUrl(site.url, "/") },
  };
}
