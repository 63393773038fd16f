/**
 * `<link>` and `<script>` elements for the client libraries a page needs, from
 * the paths the build recorded in the manifest (content-hashed, served from
 * /assets/, see scripts/lib/client-assets.ts). A page that needs none gets nothing.
 */
import { html, url, type SafeHtml } from "../escape/html.ts";
import type { ClientLibrary } from "../store/types.ts";

/**
 * Elements for `names`, in that order, each library once. A name the manifest
 * lacks (a version built before the library existed) is skipped: the page
 * still reads, without the enhancement. Scripts are `defer`: they run after
 * parsing, in order, so a library's own script comes before its start-up script.
 */
export function libraryTags(libraries: Record<string, ClientLibrary> | undefined, names: readonly string[]): SafeHtml {
  // Each file once, though two libraries share it (pseudocode uses KaTeX's stylesheet too).
  const seen = new Set<string>();
  const parts: SafeHtml[] = [];
  for (const name of names) {
    if (!libraries || !Object.hasOwn(libraries, name)) continue;
    const lib = libraries[name]!;
    for (const href of lib.styles.filter((f) => !seen.has(f))) {
      seen.add(href);
      parts.push(html`<link rel="stylesheet" href="${url(href)}">\n`);
    }
    for (const src of lib.scripts.filter((f) => !seen.has(f))) {
      seen.add(src);
      parts.push(html`<script defer src="${url(src)}"></script>\n`);
    }
  }
  return html`${parts}`;
}
