/** A `layout: distill` post: title block and byline, contents, body, appendix, comments. */
import { html, raw, type SafeHtml } from "../escape/html.ts";
import type { SiteConfig } from "../content/types.ts";
import type { PostPage } from "../store/types.ts";
import type { RenderedDocument } from "../markdown/pipeline.ts";
import { resolveToc } from "../content/toc.ts";
import { titleBlock } from "./distill/title-block.ts";
import { tableOfContents } from "./distill/toc.ts";
import { appendix } from "./appendix.ts";
import { citableSections } from "./citable.ts";
import { giscus } from "./giscus.ts";
import { disqus } from "./disqus.ts";
import { tagLinks } from "./post-summary.ts";
import { postNeighbours } from "./post-neighbours.ts";

export function distillPage(site: SiteConfig, page: PostPage, doc: RenderedDocument): SafeHtml {
  const { meta } = page.post;
  return html`<article class="post layout-distill">
${titleBlock(meta)}
${meta.toc ? tableOfContents(resolveToc(meta.toc, doc.headings), meta.toc.kind === "auto" ? meta.toc.sidebar : undefined) : ""}
<div class="post-body distill-body">
${raw(doc.html)}
</div>
${appendix(doc, page.bibliography, citableSections(site, meta))}
${meta.tags.length ? tagLinks(meta.tags) : ""}
${meta.disqusComments && site.disqusShortname ? disqus(site.disqusShortname) : ""}
${meta.giscusComments && site.giscus ? giscus(site.giscus) : ""}
${postNeighbours(page)}
</article>`;
}
