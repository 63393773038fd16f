/** The site frame every page shares: head, header with navigation, footer. */
import { html, url, type SafeHtml } from "../escape/html.ts";
import type { Manifest } from "../store/types.ts";
import type { CspSources } from "../security/csp.ts";
import { feedLinks, socialMeta, structuredData, type PageFeeds, type SocialPreview } from "./head-meta.ts";

export interface PageFrame {
  /** Page title; the site title is appended unless this is the home page. */
  title?: string;
  description?: string;
  /** Site path of this page, for the canonical link; absent on status pages (never the request's path). */
  path?: string;
  /** Extra elements for <head> (post styles, feeds). */
  head?: SafeHtml;
  body: SafeHtml;
  /** What follows the body in <main> (a post's related posts). */
  after?: SafeHtml;
  /** The page's own feeds (a tag archive's), advertised after the site's. */
  feeds?: PageFeeds;
  /** Link-preview details; default: a `website` without a picture. */
  social?: SocialPreview;
  /** JSON-LD data (a post's BlogPosting). */
  structuredData?: unknown;
  /** What the page needs beyond the base Content-Security-Policy (src/security/csp.ts). */
  csp?: CspSources;
}

export function layout(manifest: Pick<Manifest, "site" | "stylesheet">, page: PageFrame): SafeHtml {
  const { site } = manifest;
  const fullTitle = page.title ? `${page.title} | ${site.title}` : site.title;
  const description = page.description || site.description;
  const canonical = page.path === undefined ? undefined : site.url + page.path;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${canonical === undefined ? "" : html`<link rel="canonical" href="${url(canonical)}">`}
<link rel="stylesheet" href="${url(manifest.stylesheet)}">
${feedLinks(site, page.feeds)}
${socialMeta(site, { title: page.title ?? site.title, description, canonical }, page.social ?? { type: "website" })}
${page.structuredData === undefined ? "" : structuredData(page.structuredData)}
${page.head}
</head>
<body>
<header class="site-header">
  <a class="site-title" href="/">${site.title}</a>
  <nav aria-label="Site">
    <ul>${site.nav.map((link) => html`<li><a href="${url(link.url)}">${link.title}</a></li>`)}</ul>
  </nav>
</header>
<main id="content">
${page.body}
${page.after}
</main>
<footer class="site-footer">
  <p>${site.footer || html`© ${site.author || site.title}`}</p>
</footer>
</body>
</html>
`;
}
