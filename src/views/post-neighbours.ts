/** Links to the newer and older post, shared by every post layout. */
import { html, url, type SafeHtml } from "../escape/html.ts";
import type { PostPage } from "../store/types.ts";

export function postNeighbours(page: PostPage): SafeHtml {
  return html`<nav class="post-neighbours" aria-label="More posts">
  ${page.newer ? html`<a rel="next" href="${url(page.newer.path)}">← ${page.newer.title}</a>` : ""}
  ${page.older ? html`<a rel="prev" href="${url(page.older.path)}">${page.older.title} →</a>` : ""}
</nav>`;
}
