/** One post in a list (blog pages, archives, home). */
import { html, url, type SafeHtml } from "../escape/html.ts";
import type { PostSummary } from "../content/types.ts";
import { displayDate } from "../content/dates.ts";
import { tagPath } from "../content/urls.ts";

export function tagLinks(tags: readonly string[]): SafeHtml {
  return html`<ul class="tags">${tags.map((t) => html`<li><a href="${url(tagPath(t))}">#${t}</a></li>`)}</ul>`;
}

/** A post's card; its `thumbnail` sits beside the text (decorative: the title names the post). */
export function postSummary(post: PostSummary): SafeHtml {
  return html`<li class="${post.thumbnail ? "post-summary has-thumbnail" : "post-summary"}">
  <div class="post-summary-text">
  <h3><a href="${url(post.path)}">${post.title}</a></h3>
  ${post.description ? html`<p class="description">${post.description}</p>` : ""}
  <p class="post-meta"><time datetime="${post.date}">${displayDate(post.date)}</time> · ${post.readingMinutes} min read</p>
  ${post.tags.length ? tagLinks(post.tags) : ""}
  </div>
  ${post.thumbnail ? html`<img class="post-thumbnail" src="${url(post.thumbnail)}" alt="" loading="lazy">` : ""}
</li>`;
}

export function postList(posts: readonly PostSummary[]): SafeHtml {
  return html`<ul class="post-list">${posts.map(postSummary)}</ul>`;
}
