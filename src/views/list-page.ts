import { html, url, type SafeHtml } from "../escape/html.ts";
import type { ListPage, Pager } from "../store/types.ts";
import { postList } from "./post-summary.ts";

function pager(p: Pager): SafeHtml {
  return html`<nav class="pager" aria-label="Pages">
  ${p.prev ? html`<a class="first" href="${url(p.first)}">« Newest</a> <a rel="prev" href="${url(p.prev)}">← Newer</a>` : ""}
  <span>Page ${p.page} of ${p.pages}</span>
  ${p.next ? html`<a rel="next" href="${url(p.next)}">Older →</a> <a class="last" href="${url(p.last)}">Oldest »</a>` : ""}
</nav>`;
}

export function listPage(page: ListPage): SafeHtml {
  return html`<section class="post-list-page">
<h1>${page.title}</h1>
${page.posts.length ? postList(page.posts) : html`<p>No posts yet.</p>`}
${page.pager && page.pager.pages > 1 ? pager(page.pager) : ""}
</section>`;
}
