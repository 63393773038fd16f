import { html, type SafeHtml } from "../escape/html.ts";
import type { SiteConfig } from "../content/types.ts";
import type { HomePage } from "../store/types.ts";
import { postList } from "./post-summary.ts";

export function homePage(site: SiteConfig, home: HomePage): SafeHtml {
  return html`<section class="home">
<h1>${site.title}</h1>
${site.description ? html`<p class="lead">${site.description}</p>` : ""}
${home.featured.length ? html`<h2>Featured</h2>${postList(home.featured)}` : ""}
<h2>Latest posts</h2>
${home.latest.length ? postList(home.latest) : html`<p>No posts yet.</p>`}
<p><a href="/blog/">All posts →</a></p>
</section>`;
}
