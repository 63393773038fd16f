/** Distill's title block and byline: title, description, authors with affiliations, date. */
import { html, url, type SafeHtml } from "../../escape/html.ts";
import type { Affiliation, PostMeta } from "../../content/types.ts";
import { displayDate } from "../../content/dates.ts";

const link = (text: string, href?: string) => (href ? html`<a href="${url(href)}">${text}</a>` : html`${text}`);
const affiliations = (list: readonly Affiliation[]) => list.map((a, i) => html`${i ? html`<br>` : ""}${link(a.name, a.url)}`);

export function titleBlock(meta: PostMeta): SafeHtml {
  return html`<header class="distill-title">
  <h1 class="post-title">${meta.title}</h1>
  ${meta.description ? html`<p class="post-description">${meta.description}</p>` : ""}
</header>
<div class="byline">
  ${meta.authors.length ? html`<div class="byline-authors">
    <div class="byline-head"><p class="byline-label">Authors</p><p class="byline-label">Affiliations</p></div>
    ${meta.authors.map((a) => html`<div class="byline-author"><p class="author">${link(a.name, a.url)}</p><p class="affiliation">${affiliations(a.affiliations)}</p></div>`)}
  </div>` : ""}
  <div class="byline-published"><p class="byline-label">Published</p><p><time datetime="${meta.date}">${displayDate(meta.date)}</time></p></div>
</div>`;
}
