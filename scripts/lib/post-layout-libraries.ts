/**
 * The client libraries of al-folio's post layout, enabled by front matter
 * (`pretty_table: true`, `images: {compare, slider, lightbox2, photoswipe,
 * spotlight, venobox}`; `zoomable=true` figures; see src/views/post-libraries.ts
 * for which page loads which). Each is the package's own browser build, plus a few lines of ours
 * where the library needs starting (files under src/client/). Pages read
 * fine without them: they only enhance markup that is complete already.
 *
 * pretty_table uses simple-datatables, not al-folio's bootstrap-table: it
 * sorts, searches and pages the same tables without jQuery or Bootstrap
 * (≈ 30 KB gzip against ≈ 60 KB for jQuery + bootstrap-table), and reads
 * al-folio's `data-search` / `data-pagination` attributes through our starter.
 * It is LGPL-3.0, served unmodified as its own file (replaceable, as the
 * licence asks).
 */
import type { LibrarySpec } from "./client-assets.ts";

const ours = (name: string): URL => new URL(`../../src/client/${name}`, import.meta.url);

export const POST_LAYOUT_LIBRARIES: Record<string, LibrarySpec> = {
  "pretty-table": { styles: ["simple-datatables/dist/style.css"], scripts: ["simple-datatables/dist/umd/simple-datatables.js", ours("pretty-table.js")] },
  // Web components: their styles live in their shadow roots (adoptedStyleSheets, allowed by the CSP).
  // img-comparison-slider's own stylesheet is left out on purpose: it hides the second picture until the script runs.
  "img-comparison-slider": { scripts: ["img-comparison-slider/dist/index.js"] },
  swiper: { scripts: ["swiper/swiper-element-bundle.min.js"] },
  lightbox2: { styles: ["lightbox2/dist/css/lightbox.min.css"], scripts: ["lightbox2/dist/js/lightbox-plus-jquery.min.js"] },
  photoswipe: { styles: ["photoswipe/dist/photoswipe.css"], scripts: ["photoswipe/dist/umd/photoswipe.umd.min.js", "photoswipe/dist/umd/photoswipe-lightbox.umd.min.js", ours("photoswipe.js")] },
  spotlight: { styles: ["spotlight.js/dist/css/spotlight.min.css"], scripts: ["spotlight.js/dist/js/spotlight.min.js"] },
  venobox: { styles: ["venobox/dist/venobox.min.css"], scripts: ["venobox/dist/venobox.min.js", ours("venobox.js")] },
  // `zoomable=true` figures. The "pure" build: its stylesheet is a file (the default build injects a <style>, which the CSP refuses).
  "medium-zoom": { styles: ["medium-zoom/dist/style.css"], scripts: ["medium-zoom/dist/pure/medium-zoom.min.umd.js", ours("zoom.js")] },
};
