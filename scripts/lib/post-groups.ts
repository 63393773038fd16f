/** Orderings and groupings of posts shared by the pages and the feeds. */
import type { PostRecord } from "../../src/content/types.ts";
import { labelSlug } from "../../src/content/slug.ts";

export interface PostGroup {
  /** The first spelling seen (`Deep Learning`), shown on pages. */
  label: string;
  /** Newest first. */
  posts: PostRecord[];
}

/** Group posts by a computed key (tag slug, year), keeping the first spelling seen as the label. */
export function groupBy(posts: readonly PostRecord[], keys: (p: PostRecord) => string[]): Map<string, PostGroup> {
  const groups = new Map<string, PostGroup>();
  for (const post of posts) {
    for (const label of new Set(keys(post))) {
      const key = labelSlug(label);
      if (!key) continue;
      const g = groups.get(key) ?? { label, posts: [] };
      // Two spellings of one tag on a post (`ML`, `ml`) list it once; posts arrive one at a time.
      if (g.posts.at(-1) !== post) g.posts.push(post);
      groups.set(key, g);
    }
  }
  return groups;
}

/** Newest first; the slug breaks ties so the order never depends on file order. */
export function newestFirst(posts: readonly PostRecord[]): PostRecord[] {
  return [...posts].sort((a, b) => Date.parse(b.meta.date) - Date.parse(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug));
}
