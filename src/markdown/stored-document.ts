/**
 * A post's rendered body, made once by the build and stored in the post's
 * page blob (`PostPage.doc`), so a cache miss assembles the page from HTML
 * instead of lexing the body, swapping fragments and walking tokens again.
 *
 * The rendered body depends only on what the blob already holds (the
 * prepared body, its fragments, the cited entries, the layout's footnote
 * style), so the build makes it with the worker's own call
 * (`renderMarkdown` with `postRenderOptions`) and the output is the same by
 * construction. A blob that stores the document carries no body or fragments:
 * the worker never reads them, and an older worker (which needs the body)
 * treats such a blob as damaged and answers from an earlier kept version.
 * Blobs published before this existed have a body and no `doc`: the worker
 * makes their document per request with this same function, loading the
 * Markdown pipeline only then (src/routes/legacy-posts.ts).
 */
import { postRenderOptions, renderMarkdown, type RenderedDocument } from "./pipeline.ts";
import { bodySources, type CspSources } from "../security/csp.ts";
import type { PostRecord } from "../content/types.ts";
import type { Bibliography } from "../bibliography/types.ts";

/** What the views read of a rendered body, plus the CSP sources its HTML needs; JSON-serialisable. */
export interface StoredDocument extends Omit<RenderedDocument, "problems"> {
  /** `bodySources(html)`: iframe origins and style attributes, found once at build time. */
  csp: CspSources;
}

/** The document the worker would render for `post` (with the entries it cites), ready to store. */
export function storeDocument(post: Pick<PostRecord, "body" | "fragments" | "embeds" | "meta">, bibliography?: Bibliography): StoredDocument {
  return storedForm(renderMarkdown(post.body, { ...postRenderOptions(post), ...(bibliography ? { bibliography } : {}) }));
}

/**
 * `doc` as stored: what the views read, plus its HTML's CSP sources. For a
 * render the build already made with the worker's inputs (the same body,
 * fragments, footnote style and cited entries), so it need not render again.
 */
export function storedForm(doc: RenderedDocument): StoredDocument {
  const { html, headings, citations, footnotes, embeds, libraries, diagrams } = doc;
  return { html, headings, citations, footnotes, embeds, libraries, diagrams, csp: bodySources(html) };
}
