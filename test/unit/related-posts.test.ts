import { describe, expect, it } from "vitest";
import type { PostRecord } from "../../src/content/types.ts";
import { relatedPosts } from "../../scripts/lib/related-posts.ts";
import { groupBy } from "../../scripts/lib/post-groups.ts";

const post = (slug: string, tags: string[], extra: Partial<PostRecord["meta"]> = {}): PostRecord =>
  ({ meta: { slug, tags, relatedPosts: true, ...extra }, body: "", sourceFile: slug, bodyLine: 1 }) as PostRecord;

describe("relatedPosts (newest first in, indices out)", () => {
  it("ranks by the number of shared tags, then by recency", () => {
    const posts = [post("a", ["x"]), post("b", ["x", "y"]), post("c", ["y"]), post("d", ["x", "y"])];
    expect(relatedPosts(posts)[3]).toEqual([1, 0, 2]);
    expect(relatedPosts(posts)[0]).toEqual([1, 3]);
  });

  it("compares tags by slug, so case and spaces do not matter", () => {
    const posts = [post("a", ["Deep Learning"]), post("b", ["deep-learning"])];
    expect(relatedPosts(posts)).toEqual([[1], [0]]);
  });

  it("gives nothing to a post sharing no tag, or with related_posts: false", () => {
    const posts = [post("a", ["x"]), post("b", ["x"], { relatedPosts: false }), post("c", ["z"]), post("d", [])];
    expect(relatedPosts(posts)).toEqual([[1], [], [], []]);
  });

  it("never links to a redirected post, and keeps at most `max`", () => {
    const posts = [post("a", ["x"], { redirect: "/elsewhere/" }), ...["b", "c", "d", "e"].map((s) => post(s, ["x"]))];
    expect(relatedPosts(posts, 2)[1]).toEqual([2, 3]);
  });
});

describe("groupBy", () => {
  it("lists a post once under a tag it spells two ways", () => {
    const posts = [post("a", ["ML", "ml"]), post("b", ["Ml"])];
    const groups = groupBy(posts, (p) => p.meta.tags);
    expect([...groups.keys()]).toEqual(["ml"]);
    expect(groups.get("ml")!.label).toBe("ML");
    expect(groups.get("ml")!.posts.map((p) => p.meta.slug)).toEqual(["a", "b"]);
  });
});

describe("relatedPosts on a large site", () => {
  // The definition, spelled out the slow way: every other post sharing a tag, by shared tags, then recency.
  function byDefinition(posts: PostRecord[], max: number): number[][] {
    const slugs = posts.map((p) => new Set(p.meta.tags.map((t) => t.toLowerCase())));
    return posts.map((p, i) => {
      if (!p.meta.relatedPosts || p.meta.redirect) return [];
      const scored = posts
        .map((q, j) => ({ j, shared: j === i || q.meta.redirect ? 0 : [...slugs[j]!].filter((t) => slugs[i]!.has(t)).length }))
        .filter((c) => c.shared > 0)
        .sort((a, b) => b.shared - a.shared || a.j - b.j);
      return scored.slice(0, max).map((c) => c.j);
    });
  }

  it("gives what the definition gives, whatever the mix of tags, redirects and maxima", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tags = ["a", "b", "c", "d", "e", "f"];
    const posts = Array.from({ length: 400 }, (_, i) =>
      post(`p${i}`, tags.filter(() => random() < 0.3), { ...(random() < 0.05 ? { redirect: "/x/" } : {}), ...(random() < 0.05 ? { relatedPosts: false } : {}) }),
    );
    for (const max of [1, 3, 5, 40]) expect(relatedPosts(posts, max)).toEqual(byDefinition(posts, max));
  });
});
