/**
 * Making a post citable, as distill.pub articles are:
 * - Google Scholar (Highwire Press) meta tags on every post
 *   (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing):
 *   `citation_title`, one `citation_author` per author, the publication date
 *   as YYYY/MM/DD, the site as journal, the full-text URL, and one
 *   `citation_reference` per cited work;
 * - with `citation: true` (al-folio), a "Citation" appendix section: the post
 *   formatted as a reference and as a BibTeX `@article` (`@misc` without a date);
 * - `doi:` and `license:` front matter, shown in the appendix ("Reuse").
 * Cheap string work from stored data: no CSL at request time.
 */
import { html, url, type SafeHtml } from "../escape/html.ts";
import type { PostMeta, SiteConfig } from "../content/types.ts";
import type { Bibliography, BibEntry } from "../bibliography/types.ts";
import { absoluteUrl } from "../content/urls.ts";
import { authorList, doiUrl } from "../bibliography/format.ts";

/** The post's authors: front-matter `authors`, else the site's author. */
export function postAuthors(site: SiteConfig, meta: PostMeta): string[] {
  return meta.authors.length ? meta.authors.map((a) => a.name) : site.author ? [site.author] : [];
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);

/** `doi:` front matter (a bare DOI or a doi.org URL). */
export const postDoi = (meta: PostMeta): string | undefined => text(meta.extras["doi"])?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "");

/** `2024-01-03T10:00:00+01:00` → `2024/01/03`, the form Highwire tags use. */
const scholarDate = (iso: string): string => iso.slice(0, 10).replaceAll("-", "/");

/**
 * The Highwire tag that names where a work appeared, by BibTeX entry type
 * (Google Scholar's inclusion guide: a journal, a conference, a thesis'
 * institution, a report's institution; a book's venue is its publisher).
 * Types not listed (article, misc with an arXiv id…) keep `citation_journal_title`.
 */
const VENUE_TAG: Record<string, string> = {
  inproceedings: "citation_conference_title",
  conference: "citation_conference_title",
  proceedings: "citation_conference_title",
  incollection: "citation_inbook_title",
  inbook: "citation_inbook_title",
  book: "citation_publisher",
  booklet: "citation_publisher",
  phdthesis: "citation_dissertation_institution",
  mastersthesis: "citation_dissertation_institution",
  thesis: "citation_dissertation_institution",
  techreport: "citation_technical_report_institution",
  report: "citation_technical_report_institution",
};

/** `12--34`, `12-34` or `12` → first and last page. */
const pageRange = (pages: string): [string, string | undefined] => {
  const [first, last] = pages.split(/\s*[-\u2013\u2014]+\s*/);
  return [first!, last || undefined];
};

/**
 * One cited work as a Highwire `citation_reference` value: its own tags as
 * `name=value` pairs joined by `;` (a `;` inside a value becomes `,`). Plain
 * text, escaped by the caller for the attribute it goes into.
 */
export function highwireReference(entry: BibEntry): string {
  // Highwire's `citation_reference` packs the cited work's own tags, `;`-separated.
  const parts: string[] = [`citation_title=${entry.title}`, ...entry.authors.map((a) => `citation_author=${a}`)];
  if (entry.year) parts.push(`citation_publication_date=${entry.year}`);
  const venueTag = VENUE_TAG[entry.type] ?? "citation_journal_title";
  if (entry.venue) parts.push(`${venueTag}=${entry.venue}`);
  if (entry.publisher && venueTag !== "citation_publisher") parts.push(`citation_publisher=${entry.publisher}`);
  if (entry.volume) parts.push(`citation_volume=${entry.volume}`);
  if (entry.issue) parts.push(`citation_issue=${entry.issue}`);
  if (entry.pages) {
    const [first, last] = pageRange(entry.pages);
    parts.push(`citation_firstpage=${first}`, ...(last ? [`citation_lastpage=${last}`] : []));
  }
  if (entry.doi) parts.push(`citation_doi=${entry.doi}`);
  return parts.map((p) => p.replaceAll(";", ",")).join(";");
}

/**
 * The Highwire Press tags for a post; `cited` (`<d-cite>` keys) in citation
 * order, then the other works of `bibliography`, which holds only what the
 * post cites (jekyll-scholar's `{% cite %}` works, stored by the build).
 */
export function scholarMeta(site: SiteConfig, meta: PostMeta, cited: readonly string[], bibliography: Bibliography = {}): SafeHtml {
  const doi = postDoi(meta);
  const works = [...new Set([...cited, ...Object.keys(bibliography)])];
  return html`<meta name="citation_title" content="${meta.title}">
${postAuthors(site, meta).map((a) => html`<meta name="citation_author" content="${a}">
`)}<meta name="citation_publication_date" content="${scholarDate(meta.date)}">
<meta name="citation_journal_title" content="${site.title}">
<meta name="citation_fulltext_html_url" content="${url(absoluteUrl(site.url, meta.path))}">
${doi ? html`<meta name="citation_doi" content="${doi}">
` : ""}${works.filter((k) => Object.hasOwn(bibliography, k)).map((k) => html`<meta name="citation_reference" content="${highwireReference(bibliography[k]!)}">
`)}`;
}

/** BibTeX field text: braces balanced by dropping stray ones, `%`/`&`/`#`/`$`/`_` escaped as TeX wants. */
const bibText = (s: string): string => s.replace(/[{}]/g, "").replace(/[%&#$_]/g, (c) => `\\${c}`);

/** The post as a BibTeX entry: `@article` in the site as journal, `@misc` when it has no date. */
export function postBibtex(site: SiteConfig, meta: PostMeta): string {
  const authors = postAuthors(site, meta);
  const year = meta.date.slice(0, 4);
  const doi = postDoi(meta);
  const key = `${(authors[0] ?? site.title).split(" ").pop()!.toLowerCase().replace(/[^a-z0-9]/g, "")}${year}${meta.slug.split("-")[0]!.replace(/[^a-z0-9]/gi, "")}`;
  const fields: [string, string][] = [
    ["title", `{${bibText(meta.title)}}`],
    ...(authors.length ? [["author", `{${authors.map(bibText).join(" and ")}}`] as [string, string]] : []),
    ...(year ? [["year", `{${year}}`] as [string, string]] : []),
    ["url", `{${absoluteUrl(site.url, meta.path)}}`],
    ...(year ? [["journal", `{${bibText(site.title)}}`] as [string, string]] : [["howpublished", `{${bibText(site.title)}}`] as [string, string]]),
    ...(doi ? [["doi", `{${doi}}`] as [string, string]] : []),
  ];
  return `@${year ? "article" : "misc"}{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}`;
}

/** "Citation" (with `citation: true`) and "Reuse" (with `license:`) appendix sections; empty when neither applies. */
export function citableSections(site: SiteConfig, meta: PostMeta): SafeHtml {
  const license = text(meta.extras["license"]);
  const doi = postDoi(meta);
  const cite = meta.extras["citation"] === true;
  if (!cite && !license && !doi) return html``;
  const authors = postAuthors(site, meta);
  const year = meta.date.slice(0, 4);
  const link = absoluteUrl(site.url, meta.path);
  return html`${license ? html`<h3 id="appendix-reuse">Reuse</h3>
<p class="reuse">${/^https?:\/\//i.test(license) ? html`<a href="${url(license)}">${license}</a>` : license}</p>
` : ""}${cite ? html`<h3 id="appendix-citation">Citation</h3>
<p>For attribution, please cite this work as</p>
<p class="citation-text">${authors.length ? html`${authorList(authors)} ` : ""}(${year || "n.d."}). ${meta.title}. <em>${site.title}</em>. <a href="${url(doi ? doiUrl(doi) : link)}">${doi ? doiUrl(doi) : link}</a></p>
<p>BibTeX citation</p>
<div class="citation-bibtex"><pre><code id="citation-bibtex">${postBibtex(site, meta)}</code></pre><button type="button" class="copy-citation" data-copy-target="citation-bibtex" hidden>Copy</button></div>
` : doi ? html`<h3 id="appendix-doi">DOI</h3>
<p><a href="${url(doiUrl(doi))}">${doiUrl(doi)}</a></p>
` : ""}`;
}
