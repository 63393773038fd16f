/**
 * The picture that represents a post in link previews (OpenGraph, Twitter
 * cards, JSON-LD, JSON Feed): its `thumbnail`, else its first figure.
 */
import type { PostRecord } from "../../src/content/types.ts";
import { assetPath } from "../../src/content/urls.ts";
import { PLACEHOLDER } from "../../src/markdown/fragments.ts";

// The first picture of the body, whichever way it was written: al-folio's
// figure include, a Markdown image, or an <img> element.
const FIRST_FIGURE = /\{%-?\s*include\s+figure\.(?:html|liquid)\b[^%]*?\bpath\s*=\s*["']([^"']+)["']|!\[[^\]]*\]\(\s*<?([^\s)>]+)|<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/i;

/** Site path (`/assets/img/x.jpg`) or absolute http(s) URL; undefined when the post has no picture. */
export function postImage(post: PostRecord): string | undefined {
  const found = post.meta.thumbnail ?? (() => {
    // A built post's figures are fragments standing in its body as placeholders: look at them in place.
    const body = post.fragments ? post.body.replace(PLACEHOLDER, (p: string, key: string) => post.fragments![key] ?? p) : post.body;
    const m = FIRST_FIGURE.exec(body);
    return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  })();
  return found ? pictureUrl(found) : undefined;
}

/**
 * A picture reference as authors write it (`assets/img/x.jpg`, `/assets/…`,
 * `https://…`) → site path or absolute http(s) URL; undefined for any other
 * scheme or a protocol-relative URL, which is not a picture we can vouch for.
 */
export function pictureUrl(found: string): string | undefined {
  if (/^https?:\/\//i.test(found)) return found;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(found)) return undefined;
  return assetPath(found);
}
