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
import { diagramLibraries } from "../content/diagrams.ts";
import { postLibraries } from "./post-libraries.ts";
import { EMBED_SOURCES, disqusSources, hashSource, mergeSources, type CspSources } from "../security/csp.ts";

/** `body`: what the rendered body itself needs (`bodySources(doc.html)`, stored by the build with the document). */
export function postSources(site: SiteConfig, page: PostPage, doc: RenderedDocument, body: CspSources): CspSources {
  const { meta } = page.post;
  const drawn = diagramLibraries(meta.extras, doc.diagrams.map((d) => d.lang)).libraries;
  return mergeSources(
    // Diagram libraries (loaded from 'self') write <style> into their SVG; leaflet shows OpenStreetMap tiles; vega compiles expressions.
    drawn.length ? { "style-src": ["'unsafe-inline'"] } : undefined,
    drawn.includes("leaflet") ? { "img-src": ["https://tile.openstreetmap.org"] } : undefined,
    // vega also fetches the data a spec names by URL (`"data": {"url": "https://…"}`), as on al-folio.
    drawn.includes("vega_lite") ? { "script-src": ["'unsafe-eval'"], "connect-src": ["https:"] } : undefined,
    // simple-datatables (pretty_table) rebuilds the table through its virtual DOM, which writes column widths as style attributes.
    postLibraries(meta, doc.embeds).includes("pretty-table") ? { "style-src-attr": ["'unsafe-inline'"] } : undefined,
    meta.styles && meta.stylesHash ? { "style-src": [hashSource(meta.stylesHash)] } : undefined,
    meta.giscusComments && site.giscus ? EMBED_SOURCES.giscus : undefined,
    meta.disqusComments && site.disqusShortname ? disqusSources(site.disqusShortname) : undefined,
    doc.embeds.includes("twitter") && site.twitterWidgets ? EMBED_SOURCES.twitter : undefined,
    body,
  );
}
