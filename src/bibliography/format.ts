/** How an entry reads: in the References list and in a citation's hover card. */
import { html, raw, url, type SafeHtml } from "../escape/html.ts";
import type { BibEntry } from "./types.ts";

/** `A`, `A and B`, `A, B and C`; long lists (or lists the .bib ends with `others`) end with `et al.`. */
export function authorList(authors: readonly string[], max = Infinity, etAl = false): string {
  if (authors.length > max) return `${authors.slice(0, max).join(", ")} et al.`;
  if (etAl) return authors.length ? `${authors.join(", ")} et al.` : "";
  if (authors.length <= 2) return authors.join(" and ");
  return `${authors.slice(0, -1).join(", ")} and ${authors[authors.length - 1]}`;
}

export function doiUrl(doi: string): string {
  return /^https?:\/\//i.test(doi) ? doi : `https://doi.org/${doi}`;
}

/** The entry's best link: its DOI, else its URL. */
export function entryLink(entry: BibEntry): string | undefined {
  return entry.doi ? doiUrl(entry.doi) : entry.url;
}

/**
 * One reference: the build's CSL formatting when the post has a citation
 * style (`entry.html`, sanitised at build time), else distill's order:
 * title, authors, venue, year, then links.
 */
export function referenceBody(entry: BibEntry): SafeHtml {
  if (entry.html) return raw(entry.html);
  const authors = authorList(entry.authors, Infinity, entry.etAl);
  return html`<span class="ref-title">${entry.title}</span>. ${authors ? html`<span class="ref-authors">${authors}</span>. ` : ""}${entry.venue ? html`<em class="ref-venue">${entry.venue}</em>${entry.year ? ", " : ". "}` : ""}${entry.year ? html`${entry.year}. ` : ""}${entry.note ? html`${entry.note}. ` : ""}${entry.doi ? html`<a href="${url(doiUrl(entry.doi))}">DOI: ${entry.doi}</a> ` : ""}${entry.url ? html`<a href="${url(entry.url)}">[link]</a>` : ""}`;
}

/** The hover card's content: phrasing content only, since it sits inside a paragraph. With a citation style, the same entry as the References list. */
export function cardBody(entry: BibEntry): SafeHtml {
  if (entry.html) return raw(entry.html);
  const link = entryLink(entry);
  return html`<span class="card-title">${link ? html`<a href="${url(link)}">${entry.title}</a>` : entry.title}</span><span class="card-meta">${authorList(entry.authors, 3, entry.etAl)}${entry.venue ? html` · <em>${entry.venue}</em>` : ""}${entry.year ? html` · ${entry.year}` : ""}</span>`;
}
