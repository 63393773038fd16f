/** A post: header from front matter, the rendered body, links to neighbours. */
import { html, raw, url, type SafeHtml } from "../escape/html.ts";
import { displayDate } from "../content/dates.ts";
import type { PostPage } from "../store/types.ts";
import type { RenderedDocument } from "../markdown/pipeline.ts";
import type { SiteConfig } from "../content/types.ts";
import { tagLinks } from "./post-summary.ts";
import { appendix } from "./appendix.ts";
import { citableSections, scholarMeta } from "./citable.ts";
import { giscus } from "./giscus.ts";
import { disqus } from "./disqus.ts";
import { postNeighbours } from "./post-neighbours.ts";
import { resolveToc } from "../content/toc.ts";
import { tableOfContents } from "./distill/toc.ts";

/**
 * al-folio's post layout shows a generated TOC only when asked where:
 * `toc: {sidebar: left|right}` (a margin column) or `toc: {beginning: true}`
 * (a list and a rule before the body); a plain `toc: true` shows none, as there.
 */
function postToc(meta: PostPage["post"]["meta"], doc: RenderedDocument): SafeHtml | "" {
  const toc = meta.toc;
  if (toc?.kind !== "auto" || (!toc.sidebar && !toc.beginning)) return "";
  const links = resolveToc(toc, doc.headings);
  if (!links.length) return "";
  return toc.sidebar ? tableOfContents(links, toc.sidebar) : html`${tableOfContents(links)}<hr class="toc-rule">`;
}

export function postPage(site: SiteConfig, page: PostPage, doc: RenderedDocument): SafeHtml {
  const { meta } = page.post;
  return html`<article class="post layout-${meta.layout}">
<header class="post-header">
  <h1 class="post-title">${meta.title}</h1>
  ${meta.description ? html`<p class="post-description">${meta.description}</p>` : ""}
  ${meta.authors.length ? html`<p class="post-authors">${meta.authors.map((a, i) => html`${i ? ", " : ""}${a.url ? html`<a href="${url(a.url)}">${a.name}</a>` : a.name}`)}</p>` : ""}
  <p class="post-meta"><time datetime="${meta.date}">${displayDate(meta.date)}</time></p>
  ${meta.tags.length ? tagLinks(meta.tags) : ""}
</header>
${postToc(meta, doc)}
<div class="post-body">
${raw(doc.html)}
${page.post.publications ? raw(page.post.publications) : ""}
</div>
${appendix(doc, page.bibliography, citableSections(site, meta))}
${meta.disqusComments && site.disqusShortname ? disqus(site.disqusShortname) : ""}
${meta.giscusComments && site.giscus ? giscus(site.giscus) : ""}
${postNeighbours(page)}
</article>`;
}

/**
 * The post's additions to <head>: Google Scholar's citation meta tags, its
 * `_styles` in one `<style>` (checked at build time not to contain `</style`),
 * and Twitter's widget script when the body embeds a tweet and the site
 * enables it (the static blockquote reads fine without).
 */
export function postHead(site: SiteConfig, page: PostPage, doc: RenderedDocument): SafeHtml | undefined {
  const styles = page.post.meta.styles;
  const tweets = doc.embeds.includes("twitter") && site.twitterWidgets;
  return html`${scholarMeta(site, page.post.meta, doc.citations, page.bibliography)}${styles ? html`<style>${raw(styles)}</style>` : ""}${tweets ? html`<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>` : ""}`;
}
