/**
 * Which client libraries a post's front matter asks for (al-folio's switches):
 * `pretty_table: true` → sortable, searchable tables; `images: {compare,
 * slider, lightbox2, photoswipe, spotlight, venobox}` → the image components
 * and galleries of those names; a body with `zoomable=true` figures (the
 * build records the embed `zoom`, see scripts/lib/render-post.ts) → medium-zoom.
 * Names are those of scripts/lib/post-layout-libraries.ts; a page loads only these.
 */
import type { PostMeta } from "../content/types.ts";

/** `images:` keys → library names. */
const IMAGE_LIBRARIES: Readonly<Record<string, string>> = {
  compare: "img-comparison-slider",
  slider: "swiper",
  lightbox2: "lightbox2",
  photoswipe: "photoswipe",
  spotlight: "spotlight",
  venobox: "venobox",
};

export function postLibraries(meta: Pick<PostMeta, "extras">, embeds: readonly string[] = []): string[] {
  const names: string[] = [];
  if (embeds.includes("zoom")) names.push("medium-zoom");
  if (meta.extras["pretty_table"] === true) names.push("pretty-table");
  const images = meta.extras["images"];
  if (images && typeof images === "object" && !Array.isArray(images)) {
    for (const [key, on] of Object.entries(images)) if (on === true && Object.hasOwn(IMAGE_LIBRARIES, key)) names.push(IMAGE_LIBRARIES[key]!);
  }
  return names;
}
