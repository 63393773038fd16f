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

/** The header's theme switch; site.js labels it, and it is hidden without script (CSS). */
const THEME_TOGGLE = html`<button class="theme-toggle" type="button" aria-label="Colour theme"><svg class="icon-auto" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor"/></svg><svg class="icon-light" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="3.2" fill="currentColor"/><path d="M8 .8v2M8 13.2v2M.8 8h2M13.2 8h2M2.9 2.9l1.4 1.4M11.7 11.7l1.4 1.4M2.9 13.1l1.4-1.4M11.7 4.3l1.4-1.4" stroke="currentColor" stroke-width="1.5"/></svg><svg class="icon-dark" viewBox="0 0 16 16" aria-hidden="true"><path d="M6 1.5a6.5 6.5 0 1 0 8.5 8.5A5.5 5.5 0 0 1 6 1.5z" fill="currentColor"/></svg></button>`;

export function layout(manifest: Pick<Manifest, "site" | "stylesheet" | "engineFiles">, page: PageFrame): SafeHtml {
  const { site } = manifest;
  const fullTitle = page.title ? `${page.title} | ${site.title}` : site.title;
  const description = page.description || site.description;
  const canonical = page.path === undefined ? undefined : site.url + page.path;
  const scripts = manifest.engineFiles;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${canonical === undefined ? "" : html`<link rel="canonical" href="${url(canonical)}">`}
${site.favicon || scripts ? html`<link rel="icon" href="${url(site.favicon || scripts!.favicon)}">` : ""}
${scripts ? html`<script src="${url(scripts.theme)}"></script>` : ""}
<link rel="stylesheet" href="${url(manifest.stylesheet)}">
${scripts ? html`<script src="${url(scripts.site)}" defer></script>` : ""}
${feedLinks(site, page.feeds)}
${socialMeta(site, { title: page.title ?? site.title, description, canonical }, page.social ?? { type: "website" })}
${page.structuredData === undefined ? "" : structuredData(page.structuredData)}
${page.head}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
  <a class="site-title" href="/">${site.title}</a>
  <nav aria-label="Site">
    <ul>${site.nav.map((link) => html`<li><a href="${url(link.url)}">${link.title}</a></li>`)}</ul>
  </nav>
  ${scripts ? THEME_TOGGLE : ""}
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
