/**
 * Typograms: al-folio's ```` ```typograms ```` fences (ASCII diagrams drawn by
 * Google's typograms script in the browser). Here the build draws each one as
 * SVG (scripts/lib/render/typograms.ts) and records it as a `typograms:…`
 * fragment keyed by the fence's text, which the worker reads back: no
 * script, the picture is in the HTML, as for TikZ.
 *
 * A drawn fence becomes `<figure class="typogram"><svg role="img" …></figure>`;
 * its accessible name is the fence's text. A fence the build did not draw (the
 * post lacks `typograms: true`, or a feed, which gets no typogram fragments)
 * stays al-folio's `<pre><code class="language-typograms">`, readable as text.
 */
import type { Marked, Token } from "marked";
import type { Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers } from "../renderers.ts";

/** A code token this pass drew: `drawn` is the figure the code renderer writes instead of the block. */
export interface DrawnCode {
  drawn?: string;
}

/** The fragment key of a typogram's text. */
export function typogramKey(text: string): string {
  return `typograms:${textHash(text)}`;
}

/** Draw every typograms fence of a lexed document (build: with `renderers.typograms`, recording fragments; worker: reading them back). Run after highlightCode, which leaves each fence's language in `lang`. */
export function drawTypograms(markdown: Marked, tokens: Token[], fragments: Fragments, renderers: FragmentRenderers = {}): void {
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "code" || token.lang !== "typograms") return;
    const key = typogramKey(token.text);
    if (!Object.hasOwn(fragments, key) && renderers.typograms) fragments[key] = `<figure class="typogram">${renderers.typograms(token.text)}</figure>`;
    if (Object.hasOwn(fragments, key)) (token as DrawnCode).drawn = fragments[key];
  });
}
