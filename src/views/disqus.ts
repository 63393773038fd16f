/**
 * Disqus comments (`disqus_comments: true` with a shortname in site.yml), as
 * al-folio embeds them: a `#disqus_thread` element that Disqus' embed.js
 * fills. No inline script: the page's CSP allows scripts from the site and
 * the declared Disqus origins only, so embed.js is loaded directly and takes
 * the thread's URL from the page (the canonical path, which `permalink:`
 * keeps equal to the migrated site's). The page reads fine without it.
 */
import { html, url, type SafeHtml } from "../escape/html.ts";

/** `shortname` was validated by the site config (`[a-z0-9-]`), so it is safe in a host name. */
export function disqus(shortname: string): SafeHtml {
  return html`<section class="comments" id="disqus_thread" aria-label="Comments">
<noscript>Comments are powered by <a href="https://disqus.com/?ref_noscript">Disqus</a> and need JavaScript.</noscript>
</section>
<script async src="${url(`https://${shortname}.disqus.com/embed.js`)}"></script>`;
}
