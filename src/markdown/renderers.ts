/**
 * What the build hands the pipeline to make fragments (see fragments.ts):
 * KaTeX and the highlighter live in scripts/, so the worker, which never gets
 * renderers, never bundles them and only reads back what the build stored.
 */

/** A TeX error as the math renderer reports it (KaTeX's ParseError has this shape). */
export interface TexError {
  /** The message without location decoration. */
  rawMessage?: string;
  message: string;
  /** Offset in the TeX given to the renderer, when known. */
  position?: number;
  length?: number;
}

export interface FragmentRenderers {
  /**
   * Typeset `tex` (display or inline) to HTML; throws a TexError on invalid
   * TeX. Called in document order, so macros a formula defines (`\newcommand`)
   * apply to the formulas after it in the same post.
   */
  math?(tex: string, display: boolean): string;
  /**
   * Highlight `code` as `lang` to the inner HTML of a `<code>` element (lines
   * separated by `\n`); undefined when the language is unknown (shown plain).
   */
  code?(code: string, lang: string): string | undefined;
  /**
   * The rows of a bootstrap-table `<table data-url="…">` (al-folio's
   * pretty_table), read at build time from the site's JSON file: a `<tbody>`
   * with one escaped cell per `fields` name, in order; undefined when the file
   * is not a JSON array of rows under assets/.
   */
  tableRows?(url: string, fields: readonly string[]): string | undefined;
  /**
   * A TikZ picture (the LaTeX document of al-folio's `<script type="text/tikz">`)
   * compiled to an `<svg>` element; throws an Error with TeX's message when it
   * does not compile.
   */
  tikz?(tex: string): string;
  /**
   * Pixel size of a picture of the site (`assets/img/x.jpg`, the path under
   * the content folder), read from the file; undefined when it is not one.
   */
  imageSize?(path: string): { width: number; height: number } | undefined;
  /**
   * A typogram (the text of a ```` ```typograms ```` fence) drawn as an
   * `<svg>` element; never throws. Given only for posts with `typograms: true`.
   */
  typograms?(source: string): string;
}

/**
 * A short, stable hash of a text (two FNV-1a 32-bit lanes, 16 hex digits):
 * the build and the worker derive the same fragment key from the same source
 * synchronously. Not cryptographic; fragments are per post, so collisions
 * would need two formulas of one post with the same 64-bit hash.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
