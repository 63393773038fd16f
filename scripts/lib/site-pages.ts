/**
 * Every page of the site, computed once at build time, so any request reads
 * one precomputed page instead of scanning posts.
 */
import type { PostRecord, PostSummary, SiteConfig } from "../../src/content/types.ts";
import type { HomePage, ListPage, Pager, PostPage } from "../../src/store/types.ts";
import type { SitePage } from "../../src/store/bundle.ts";
import { blogPagePath, categoryPath, tagPath, yearPath } from "../../src/content/urls.ts";
import { slugify } from "../../src/content/slug.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";

/** al-folio's estimate: words / 180, plus one. */
export function readingMinutes(markdown: string): number {
  const words = markdown.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean).length;
  return Math.floor(words / 180) + 1;
}

export function summarize(post: PostRecord): PostSummary {
  const m = post.meta;
  return {
    path: m.redirect ?? m.path,
    title: m.title,
    description: m.description,
    date: m.date,
    tags: m.tags,
    categories: m.categories,
    readingMinutes: readingMinutes(post.body),
  };
}

function paginate(basePath: (page: number) => string, posts: PostSummary[], perPage: number): { path: string; posts: PostSummary[]; pager: Pager }[] {
  const pages = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      path: basePath(page),
      posts: posts.slice(i * perPage, page * perPage),
      pager: {
        page,
        pages,
        first: basePath(1),
        last: basePath(pages),
        ...(page > 1 ? { prev: basePath(page - 1) } : {}),
        ...(page < pages ? { next: basePath(page + 1) } : {}),
      },
    };
  });
}

/** Group posts by a computed key (tag slug, year), keeping the first spelling seen as the label. */
function groupBy(posts: readonly PostRecord[], keys: (p: PostRecord) => string[]): Map<string, { label: string; posts: PostRecord[] }> {
  const groups = new Map<string, { label: string; posts: PostRecord[] }>();
  for (const post of posts) {
    for (const label of new Set(keys(post))) {
      const key = slugify(label);
      if (!key) continue;
      const g = groups.get(key) ?? { label, posts: [] };
      g.posts.push(post);
      groups.set(key, g);
    }
  }
  return groups;
}

/**
 * Posts newest first; `posts` must already exclude drafts and future posts.
 * `cited` holds, by post path, the bibliography entries each post cites.
 */
export function sitePages(posts: readonly PostRecord[], site: SiteConfig, cited: ReadonlyMap<string, Bibliography> = new Map()): Map<string, SitePage> {
  const sorted = [...posts].sort((a, b) => (a.meta.date < b.meta.date ? 1 : a.meta.date > b.meta.date ? -1 : a.meta.slug.localeCompare(b.meta.slug)));
  const summaries = sorted.map(summarize);
  const summaryOf = new Map(sorted.map((post, i) => [post, summaries[i]!]));
  const pages = new Map<string, SitePage>();

  sorted.forEach((post, i) => {
    if (post.meta.redirect) {
      pages.set(post.meta.path, { kind: "redirect", to: post.meta.redirect });
      return;
    }
    const bibliography = cited.get(post.meta.path);
    const page: PostPage = { post, ...(bibliography ? { bibliography } : {}), ...(i > 0 ? { newer: summaries[i - 1] } : {}), ...(i + 1 < sorted.length ? { older: summaries[i + 1] } : {}) };
    pages.set(post.meta.path, { kind: "post", data: page });
  });

  const home: HomePage = { latest: summaries.slice(0, site.perPage), featured: summaries.filter((_, i) => sorted[i]!.meta.featured) };
  pages.set("/", { kind: "home", data: home });

  for (const p of paginate(blogPagePath, summaries, site.perPage)) {
    const list: ListPage = { kind: "blog", title: p.pager.page > 1 ? `Blog, page ${p.pager.page}` : "Blog", posts: p.posts, pager: p.pager };
    pages.set(p.path, { kind: "list", data: list });
  }

  const archives: [ListPage["kind"], (p: PostRecord) => string[], (label: string) => string, (label: string) => string][] = [
    ["year", (p) => [p.meta.year], yearPath, (l) => `Posts from ${l}`],
    ["tag", (p) => p.meta.tags, tagPath, (l) => `Posts tagged #${l}`],
    ["category", (p) => p.meta.categories, categoryPath, (l) => `Posts in ${l}`],
  ];
  for (const [kind, keys, path, title] of archives) {
    for (const { label, posts: group } of groupBy(sorted, keys).values()) {
      const list: ListPage = { kind, title: title(label), posts: group.map((p) => summaryOf.get(p)!) };
      pages.set(path(label), { kind: "list", data: list });
    }
  }
  return pages;
}
