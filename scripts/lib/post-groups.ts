/** Orderings and groupings of posts shared by the pages and the feeds. */
import type { PostRecord } from "../../src/content/types.ts";
import { labelSlug } from "../../src/content/slug.ts";

export interface PostGroup {
  /** The first spelling seen (`Deep Learning`), shown on pages. */
  label: string;
  /** Newest first. */
  posts: PostRecord[];
}

/** labelSlug by label: a site's few hundred labels are slugged once per process, not once per post and build. */
const slugs = new Map<string, string>();
function slugOf(label: string): string {
  let slug = slugs.get(label);
  if (slug === undefined) {
    slug = labelSlug(label);
    slugs.set(label, slug);
  }
  return slug;
}

/** Group posts by a computed key (tag slug, year), keeping the first spelling seen as the label. */
export function groupBy(posts: readonly PostRecord[], keys: (p: PostRecord) => string[]): Map<string, PostGroup> {
  const groups = new Map<string, PostGroup>();
  for (const post of posts) {
    for (const label of new Set(keys(post))) {
      const key = slugOf(label);
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
  // Each date parsed once, not once per comparison.
  const timed = posts.map((post) => ({ post, time: Date.parse(post.meta.date) }));
  return timed.sort((a, b) => b.time - a.time || a.post.meta.slug.localeCompare(b.post.meta.slug)).map((t) => t.post);
}
