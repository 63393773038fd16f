/**
 * A bibliography entry as the build stores it in a post's page blob: parsed
 * from BibTeX in Node (scripts/lib/bibtex.ts), LaTeX already turned into
 * Unicode, and formatted in the post's citation style (scripts/lib/csl.ts),
 * so the worker only assembles. Every field is data, escaped on output;
 * `html` is the one exception, made and sanitised by the build.
 */
export interface BibEntry {
  key: string;
  /** BibTeX entry type, lowercase: `article`, `inproceedings`, `misc`, … */
  type: string;
  title: string;
  /** Display names, `First von Last Jr.`, in order; a corporate author whole. */
  authors: string[];
  /** The author list ended with `and others`: shown as "et al.". */
  etAl?: boolean;
  /** `journal`, `booktitle`, or for other types `publisher`/`howpublished`/`school`. */
  venue?: string;
  year?: string;
  /** 1–12, from `month` (macros such as `jan` included). */
  month?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  doi?: string;
  url?: string;
  note?: string;
  /**
   * The entry formatted in the post's citation style (CSL), as phrasing HTML
   * (`<i>`, `<b>`, `<span>`, `<sup>`, `<sub>`, `<a href>` only): made and
   * sanitised at build time. Absent: the engine's own distill-like format.
   */
  html?: string;
}

/** The entries a post cites, by key. */
export type Bibliography = Record<string, BibEntry>;
