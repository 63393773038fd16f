/**
 * What a post page needs beyond the base Content-Security-Policy: its
 * `_styles` by the hash the build computed, the third parties it embeds
 * (giscus, Twitter's widget script when enabled), and what its body holds
 * (iframe origins, style attributes). Kept beside the views that emit these,
 * so a view that adds an embed adds its sources here.
 */
import type { SiteConfig } from "../content/types.ts";
import type { PostPage } from "../store/types.ts";
import type { RenderedDocument } from "../markdown/pipeline.ts";
import { EMBED_SOURCES, bodySources, hashSource, mergeSources, type CspSources } from "../security/csp.ts";

export function postSources(site: SiteConfig, page: PostPage, doc: RenderedDocument): CspSources {
  const { meta } = page.post;
  return mergeSources(
    meta.styles && meta.stylesHash ? { "style-src": [hashSource(meta.stylesHash)] } : undefined,
    meta.giscusComments && site.giscus ? EMBED_SOURCES.giscus : undefined,
    doc.embeds.includes("twitter") && site.twitterWidgets ? EMBED_SOURCES.twitter : undefined,
    bodySources(doc.html),
  );
}
