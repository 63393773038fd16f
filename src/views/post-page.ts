/** A post: header from front matter, the rendered body, links to neighbours. */
import { html, raw, url, type SafeHtml } from "../escape/html.ts";
import { displayDate } from "../content/dates.ts";
import type { PostPage } from "../store/types.ts";
import type { RenderedDocument } from "../markdown/pipeline.ts";
import { tagLinks } from "./post-summary.ts";

export function postPage(page: PostPage, doc: RenderedDocument): SafeHtml {
  const { meta } = page.post;
  return html`<article class="post layout-${meta.layout}">
<header class="post-header">
  <h1 class="post-title">${meta.title}</h1>
  ${meta.description ? html`<p class="post-description">${meta.description}</p>` : ""}
  ${meta.authors.length ? html`<p class="post-authors">${meta.authors.map((a, i) => html`${i ? ", " : ""}${a.url ? html`<a href="${url(a.url)}">${a.name}</a>` : a.name}`)}</p>` : ""}
  <p class="post-meta"><time datetime="${meta.date}">${displayDate(meta.date)}</time></p>
  ${meta.tags.length ? tagLinks(meta.tags) : ""}
</header>
<div class="post-body">
${raw(doc.html)}
</div>
<nav class="post-neighbours" aria-label="More posts">
  ${page.newer ? html`<a rel="next" href="${url(page.newer.path)}">← ${page.newer.title}</a>` : ""}
  ${page.older ? html`<a rel="prev" href="${url(page.older.path)}">${page.older.title} →</a>` : ""}
</nav>
</article>`;
}

/** `_styles` was checked at build time not to contain `</style`. */
export function postHead(page: PostPage): SafeHtml | undefined {
  const styles = page.post.meta.styles;
  return styles ? html`<style>${raw(styles)}</style>` : undefined;
}
