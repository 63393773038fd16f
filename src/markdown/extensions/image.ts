/**
 * Pictures and how the browser loads them. A Markdown image
 * (`![alt](/assets/img/x.jpg "title")`) is marked's `<img>` plus:
 * - `width`/`height` of the file when it is one of the site's assets (read by
 *   the build, recorded as fragment `image:…` = `"800x600"`, read back by the
 *   worker), so the browser reserves its box and nothing below it moves;
 *   not when a kramdown attribute list sizes it (`{: width="300"}`);
 * - `loading="lazy" decoding="async"`: fetched when the reader scrolls near it.
 *
 * The first picture of the body (a Markdown image, or a figure include's
 * `<figure><picture><img loading="lazy">`) is likely on the first screen, the
 * page's largest paint: it is not lazy (`loading` omitted) and is fetched
 * first (`fetchpriority="high"`). Raw `<img>` an author wrote is left as written.
 *
 * HTML: https://html.spec.whatwg.org/multipage/urls-and-fetching.html#lazy-loading-attributes
 */
import { Renderer, type Marked, type MarkedExtension, type Token, type Tokens } from "marked";
import { fragment, type Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers } from "../renderers.ts";
import type { SpanAttributedToken } from "./span-attributes.ts";

export interface ImageToken extends Tokens.Image {
  /** The file's size in pixels, when known and not set by the author. */
  size?: { width: number; height: number };
  /** The body's first picture: eager, high priority. */
  first?: boolean;
  /** A kramdown attribute list gives this image a width, height or style: no size from the file. */
  sizedByAuthor?: boolean;
}

const SIZE = /^(\d+)x(\d+)$/;

export const image: MarkedExtension = {
  renderer: {
    image(token) {
      const t = token as ImageToken;
      // marked's own `<img src alt title>` (its URL cleaning and escaping); only the loading hints are added.
      const img = Renderer.prototype.image.call(this, t);
      if (!img.startsWith("<img") || !img.endsWith(">")) return img;
      const size = t.size ? ` width="${t.size.width}" height="${t.size.height}"` : "";
      const loading = t.first ? ` fetchpriority="high"` : ` loading="lazy"`;
      return `${img.slice(0, -1)}${size}${loading} decoding="async">`;
    },
  },
};

/** `/assets/img/x.jpg?v=2` → `assets/img/x.jpg`: the site file an image shows, if it is one. */
function sitePath(href: string): string | undefined {
  if (!href.startsWith("/") || href.startsWith("//")) return undefined;
  try {
    return decodeURIComponent(href.slice(1).replace(/[?#].*$/, ""));
  } catch {
    return undefined;
  }
}

// The figure include's markup (src/liquid/tags/figure.ts) with its default lazy loading.
const FIGURE_LAZY = /^([\s\S]*?<picture>\s*<img\b[^>]*?)\sloading="lazy"/i;

/**
 * Size every Markdown image from its file (build: `renderers.imageSize`,
 * recorded in `fragments`; worker: read back) and mark the body's first
 * picture eager. Runs after the placeholders are swapped (figures are in the
 * tokens) and after kramdown's attribute lists are applied.
 */
export function placePictures(markdown: Marked, tokens: Token[], fragments: Fragments, renderers: FragmentRenderers = {}): void {
  let seen = false;
  void markdown.walkTokens(tokens, (token) => {
    if (token.type === "spanAttributed") {
      const t = token as SpanAttributedToken;
      if (["width", "height", "style"].some((a) => Object.hasOwn(t.attrs, a))) {
        for (const inner of t.tokens) if (inner.type === "image") (inner as ImageToken).sizedByAuthor = true;
      }
      return;
    }
    if (token.type === "image") {
      const t = token as ImageToken;
      if (!seen) t.first = seen = true;
      const path = t.sizedByAuthor ? undefined : sitePath(t.href);
      if (path === undefined) return;
      const measure = renderers.imageSize;
      const key = `image:${textHash(path)}`;
      const size = fragment(fragments, key, measure ? () => ((s) => (s ? `${s.width}x${s.height}` : ""))(measure(path)) : undefined, () => "");
      const m = SIZE.exec(size);
      if (m) t.size = { width: Number(m[1]), height: Number(m[2]) };
      return;
    }
    if (token.type === "html" && !seen && /<img\b/i.test((token as Tokens.HTML).text)) {
      seen = true;
      const t = token as Tokens.HTML;
      const before = t.text.slice(0, t.text.search(/<img\b/i) + 4);
      // Only when this first <img> is a figure include's: raw HTML keeps what its author wrote.
      if (/<picture>\s*<img$/i.test(before)) t.text = t.text.replace(FIGURE_LAZY, '$1 fetchpriority="high"');
    }
  });
}
