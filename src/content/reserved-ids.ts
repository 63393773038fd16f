/**
 * Ids the page frame and the post views write themselves (layout, TOC,
 * appendix, footnote and citation cards, comments). A heading's generated id
 * must not take one (a heading "Content" would otherwise duplicate
 * `<main id="content">`, "Fn 1" the first footnote's `fn-1`), so
 * SlugRegistry steps past them: ids stay unique page-wide.
 */
const FIXED = new Set(["content", "giscus_thread", "toc-title", "related-posts-title", "citation-bibtex"]);
const PATTERNS = /^(?:fn-\d+|fnref-\d+|fn-card-|cite-card-|ref-|appendix-)/;

export function isReservedId(id: string): boolean {
  return FIXED.has(id) || PATTERNS.test(id);
}
