/**
 * Typograms (https://github.com/google/typograms, al-folio's ```` ```typograms ````
 * fences with `typograms: true`) drawn as SVG at build time by our own
 * renderer (typograms/: grid.ts reads the characters, glyphs.ts holds the
 * rule of each, pen.ts the geometry, svg.ts writes the picture). Google's
 * library is a browser script that is not on npm; drawing at build time
 * also means the page needs no script, and the picture is in the HTML.
 *
 * The build records the result as a `typograms:…` fragment
 * (src/markdown/extensions/typograms.ts); the worker reads it back.
 */
import { parseGrid } from "./typograms/grid.ts";
import { gridSvg } from "./typograms/svg.ts";

/**
 * The `<svg>` element of a typogram: `source` is the fence's text. Its
 * accessible name is the text itself; an empty fence gives an empty picture.
 * Never throws.
 */
export function typogramSvg(source: string): string {
  const grid = parseGrid(source);
  return gridSvg(grid, grid.chars.map((row) => row.join("")).join("\n"));
}
