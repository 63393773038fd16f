/** giscus comments (`giscus_comments: true`), configured by site.yml. Comments need script; the page does not. */
import { html, type SafeHtml } from "../escape/html.ts";
import type { GiscusSettings } from "../content/types.ts";

export function giscus(s: GiscusSettings): SafeHtml {
  return html`<section class="comments" id="giscus_thread" aria-label="Comments">
<script src="https://giscus.app/client.js" data-repo="${s.repo}" data-repo-id="${s.repoId}" data-category="${s.category}" data-category-id="${s.categoryId}" data-mapping="${s.mapping}" data-strict="${s.strict}" data-reactions-enabled="${s.reactionsEnabled}" data-emit-metadata="0" data-input-position="${s.inputPosition}" data-theme="${s.theme}" data-lang="${s.lang}" crossorigin="anonymous" async></script>
<noscript>Comments are powered by giscus and need JavaScript.</noscript>
</section>`;
}
