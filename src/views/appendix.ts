/**
 * The appendix after a post: footnotes with backlinks, the references it
 * cites in citation order, then what the post adds about itself (`more`:
 * "Reuse" and "Citation", see citable.ts).
 */
import { html, raw, type SafeHtml } from "../escape/html.ts";
import type { Bibliography } from "../bibliography/types.ts";
import { referenceBody } from "../bibliography/format.ts";
import { footnoteId, footnoteRefId, referenceId } from "../markdown/extensions/ids.ts";
import type { RenderedDocument } from "../markdown/pipeline.ts";

export function appendix(doc: RenderedDocument, bibliography: Bibliography = {}, more: SafeHtml = html``): SafeHtml {
  const refs = doc.citations.filter((key) => Object.hasOwn(bibliography, key));
  if (!doc.footnotes.length && !refs.length && !more.value) return html``;
  return html`<section class="appendix" aria-label="Appendix">
${doc.footnotes.length ? html`<h2 id="appendix-footnotes">Footnotes</h2>
<ol class="footnotes">${doc.footnotes.map((note, i) => html`<li id="${footnoteId(i + 1)}">${raw(note)} <a class="footnote-backref" href="#${footnoteRefId(i + 1)}" aria-label="${`Back to footnote ${i + 1} in the text`}">↩</a></li>`)}</ol>` : ""}
${refs.length ? html`<h2 id="appendix-references">References</h2>
<ol class="references">${refs.map((key) => html`<li id="${referenceId(key)}">${referenceBody(bibliography[key]!)}</li>`)}</ol>` : ""}
${more}</section>`;
}
