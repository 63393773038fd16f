/** Related posts under a post: computed at build time (scripts/lib/related-posts.ts); nothing when there are none. */
import { html, url, type SafeHtml } from "../escape/html.ts";
import { displayDate } from "../content/dates.ts";
import type { PostPage } from "../store/types.ts";

export function relatedPosts(page: PostPage): SafeHtml | "" {
  if (!page.related?.length) return "";
  return html`<aside class="related-posts" aria-labelledby="related-posts-title">
  <h2 id="related-posts-title">Related posts</h2>
  <ul>${page.related.map((p) => html`<li><a href="${url(p.path)}">${p.title}</a> <time datetime="${p.date}">${displayDate(p.date)}</time></li>`)}</ul>
</aside>`;
}
