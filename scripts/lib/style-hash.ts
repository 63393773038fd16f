/**
 * The CSP hash of a post's `_styles`: base64 SHA-256 of the exact text the
 * worker writes between `<style>` and `</style>` (UTF-8), as CSP Level 3
 * §8.4 "Does element match source list" hashes an inline element's text.
 */
import { createHash } from "node:crypto";
import type { PostMeta } from "../../src/content/types.ts";

export function styleHash(css: string): string {
  return createHash("sha256").update(css, "utf8").digest("base64");
}

/** `meta` with `stylesHash` set when it has `_styles`. */
export function withStylesHash(meta: PostMeta): PostMeta {
  return meta.styles ? { ...meta, stylesHash: styleHash(meta.styles) } : meta;
}
