/**
 * Every page of the site (and, via site-documents.ts, every feed and crawler
 * file), computed once at build time, so any request reads
 * one precomputed page instead of scanning posts. Every list is cut into
 * pages (the blog by `per_page`, archives by `archive_per_page`), so no
 * stored page grows with the site.
 */
import type { PostRecord, PostSummary, SiteConfig } from "../../src/content/types.ts";
import type { HomePage, ListPage, Pager, PostPage, StoredPost } from "../../src/store/types.ts";
import type { SitePage } from "../../src/store/bundle.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import { postRenderOptions, renderMarkdown } from "../../src/markdown/pipeline.ts";
import { feedRenderOptions } from "./render/renderers.ts";
import { storeDocument } from "../../src/markdown/stored-document.ts";
import { appendix } from "../../src/views/appendix.ts";
import { archivePagePath, blogPagePath, categoryPath, tagFeedPath, tagPath, yearPath } from "../../src/content/urls.ts";
import { relatedPosts } from "./related-posts.ts";
import { pictureUrl, postImage } from "./post-image.ts";
import { siteDocuments } from "./site-documents.ts";
import { groupBy, newestFirst } from "./post-groups.ts";

/** al-folio's estimate: words / 180, plus one. */
export function readingMinutes(markdown: string): number {
  const words = markdown.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean).length;
  return Math.floor(words / 180) + 1;
}

export function summarize(post: PostRecord): PostSummary {
  const m = post.meta;
  const thumbnail = m.thumbnail ? pictureUrl(m.thumbnail) : undefined;
  return {
    path: m.redirect ?? m.path,
    title: m.title,
    description: m.description,
    date: m.date,
    tags: m.tags,
    categories: m.categories,
    readingMinutes: readingMinutes(post.body),
    ...(thumbnail ? { thumbnail } : {}),
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

/** Posts newest first; `posts` must already exclude drafts and future posts. */
export function sitePages(posts: readonly PostRecord[], site: SiteConfig, cited: ReadonlyMap<string, Bibliography> = new Map()): Map<string, SitePage> {
  const sorted = newestFirst(posts);
  const summaries = sorted.map(summarize);
  const summaryOf = new Map(sorted.map((post, i) => [post, summaries[i]!]));
  const related = relatedPosts(sorted);
  const pages = new Map<string, SitePage>();

  sorted.forEach((post, i) => {
    if (post.meta.redirect) {
      pages.set(post.meta.path, { kind: "redirect", to: post.meta.redirect });
      return;
    }
    const bibliography = cited.get(post.meta.path);
    const image = postImage(post);
    // The blob stores the rendered body (the worker's own render, made here once) instead of the body and fragments.
    const stored: StoredPost = { ...post };
    delete stored.body;
    delete stored.fragments;
    const page: PostPage = {
      post: stored,
      doc: storeDocument(post, bibliography),
      ...(bibliography ? { bibliography } : {}),
      ...(i > 0 ? { newer: summaries[i - 1] } : {}),
      ...(i + 1 < sorted.length ? { older: summaries[i + 1] } : {}),
      ...(related[i]!.length ? { related: related[i]!.map((j) => summaries[j]!) } : {}),
      ...(image ? { image } : {}),
    };
    pages.set(post.meta.path, { kind: "post", data: page });
  });

  // Featured posts are capped like the latest ones: the home page stays one bounded blob.
  const featured = summaries.filter((_, i) => sorted[i]!.meta.featured).slice(0, site.perPage);
  const home: HomePage = { latest: summaries.slice(0, site.perPage), featured };
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
      const base = path(label);
      const feed = kind === "tag" ? { rss: tagFeedPath(label, "xml"), json: tagFeedPath(label, "json") } : undefined;
      for (const p of paginate((n) => archivePagePath(base, n), group.map((post) => summaryOf.get(post)!), site.archivePerPage)) {
        const list: ListPage = {
          kind,
          title: p.pager.page > 1 ? `${title(label)}, page ${p.pager.page}` : title(label),
          posts: p.posts,
          pager: p.pager,
          ...(feed ? { feed } : {}),
        };
        pages.set(p.path, { kind: "list", data: list });
      }
      // Like /blog/page/1/: the first page has one address.
      pages.set(`${base}page/1/`, { kind: "redirect", to: base });
    }
  }

  // Feeds, sitemap and robots.txt: documents made from the posts and the pages above.
  // Feeds carry the same citations as the pages, as plain links (a feed reader has no
  // hover cards), with the footnotes and references they point to after the body.
  const renderHtml = (post: PostRecord) => {
    const bibliography = cited.get(post.meta.path);
    const doc = renderMarkdown(post.body, feedRenderOptions({ ...postRenderOptions(post), cards: false, ...(bibliography ? { bibliography } : {}) }));
    return doc.html + appendix(doc, bibliography).toString();
  };
  for (const [path, doc] of siteDocuments(sorted, site, pages, renderHtml)) pages.set(path, doc);
  return pages;
}
