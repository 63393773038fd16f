/**
 * Related posts: the posts sharing the most tags (compared by slug, so `ML`
 * and `ml` match) with a post, ties broken by recency. al-folio shows the
 * newest posts whatever their topic (#1480); here a post with no shared tag
 * is never "related", so a post with no related posts shows none.
 */
import type { PostRecord } from "../../src/content/types.ts";
import { labelSlug } from "../../src/content/slug.ts";

/** How many related posts a post lists (al-folio's `max_related` default). */
export const MAX_RELATED = 5;

/**
 * For each post in `newestFirst`, the indices of its related posts, best first.
 * Cost is the sum over posts of the sizes of their tags' groups, not posts².
 */
export function relatedPosts(newestFirst: readonly PostRecord[], max = MAX_RELATED): number[][] {
  const tagSlugs = newestFirst.map((p) => [...new Set(p.meta.tags.map(labelSlug).filter(Boolean))]);
  const byTag = new Map<string, number[]>();
  newestFirst.forEach((post, i) => {
    if (post.meta.redirect) return; // its page is a redirect: nothing to link to
    for (const tag of tagSlugs[i]!) {
      const group = byTag.get(tag) ?? [];
      group.push(i);
      byTag.set(tag, group);
    }
  });

  const shared = new Int32Array(newestFirst.length);
  return newestFirst.map((post, i) => {
    if (!post.meta.relatedPosts || post.meta.redirect) return [];
    const touched: number[] = [];
    for (const tag of tagSlugs[i]!) {
      for (const j of byTag.get(tag)!) {
        if (j === i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    // More shared tags first; among equals the newer post (lower index) first.
    // Keep only the best `max` while scanning: sorting every candidate would
    // cost n log n per post when one tag is on every post.
    const better = (a: number, b: number) => shared[a]! > shared[b]! || (shared[a] === shared[b] && a < b);
    const best: number[] = [];
    for (const j of touched) {
      if (best.length === max && !better(j, best[max - 1]!)) continue;
      let at = best.length === max ? max - 1 : best.length;
      while (at > 0 && better(j, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = j;
    }
    for (const j of touched) shared[j] = 0;
    return best;
  });
}
