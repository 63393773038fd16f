/**
 * A bibliography entry as the build stores it in a post's page blob: parsed
 * from BibTeX in Node (scripts/lib/bibtex.ts), LaTeX already turned into
 * Unicode, so the worker only formats. Every field is data, escaped on output.
 */
export interface BibEntry {
  key: string;
  /** BibTeX entry type, lowercase: `article`, `inproceedings`, `misc`, … */
  type: string;
  title: string;
  /** Display names, `First Last`, in order. */
  authors: string[];
  /** `journal`, `booktitle`, or for other types `publisher`/`howpublished`/`school`. */
  venue?: string;
  year?: string;
  doi?: string;
  url?: string;
  note?: string;
}

/** The entries a post cites, by key. */
export type Bibliography = Record<string, BibEntry>;
