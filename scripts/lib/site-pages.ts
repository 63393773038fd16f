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
import { storeDocument, type StoredDocument } from "../../src/markdown/stored-document.ts";
import { appendix } from "../../src/views/appendix.ts";
import { archivePagePath, blogPagePath, categoryPath, tagFeedPath, tagPath, yearPath } from "../../src/content/urls.ts";
import { relatedPosts } from "./related-posts.ts";
import { pictureUrl, postImage } from "./post-image.ts";
import { siteDocuments } from "./site-documents.ts";
import { groupBy, newestFirst } from "./post-groups.ts";

const HTML_TAG = /<[^>]+>/g;
const WORD = /\S+/g;

/**
 * al-folio's estimate: words / 180, plus one. Words are runs of non-space
 * once HTML tags are spaces, counted with a global regex's test() rather
 * than by splitting into an array: three times faster, and a fresh build
 * process makes every post's summary.
 */
export function readingMinutes(markdown: string): number {
  const text = markdown.replace(HTML_TAG, " ");
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.test(text)) words++;
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

/**
 * What one build of a long-running process (npm run dev) keeps for the next,
 * so an edit of one post does not redo the work of the other 9,999: every
 * reuse is of a pure function's result for identical inputs. Inputs are
 * compared by identity (a cached post step returns the same objects every
 * build, see build-cache.ts; nothing here mutates them) or by value.
 */
export class SitePagesMemo {
  /** summarize(post), by post: a pure function of the post record. */
  readonly summaries = new WeakMap<PostRecord, PostSummary>();
  /** The last build's summaries by path: a new post record with an equal summary gets the same object. */
  summaryByPath = new Map<string, PostSummary>();
  /** Each post's page by path, with the inputs it was made of. */
  postPages = new Map<string, { inputs: unknown[]; page: SitePage }>();
  /** The home page and each list page by path, likewise. */
  listPages = new Map<string, { inputs: unknown[]; page: SitePage }>();
  /** relatedPosts() of the last build, and what it read of the posts (relatedSignature). */
  related?: { signature: string[]; result: number[][] };
  /** A post's feed HTML, by post and the bibliography it was rendered with. */
  readonly feedHtml = new WeakMap<PostRecord, { bibliography: Bibliography | undefined; html: string }>();
}

/** All that relatedPosts() reads of one post: tags, redirect, related_posts (see related-posts.ts). */
const relatedSignature = (post: PostRecord): string => JSON.stringify([post.meta.tags, Boolean(post.meta.redirect), post.meta.relatedPosts]);

/** relatedPosts(sorted), reused when every post (in order) shows it the same tags and flags as last time. */
function memoRelated(sorted: readonly PostRecord[], memo: SitePagesMemo | undefined): number[][] {
  if (!memo) return relatedPosts(sorted);
  const signature = sorted.map(relatedSignature);
  const last = memo.related;
  if (last && last.signature.length === signature.length && last.signature.every((s, i) => s === signature[i])) return last.result;
  const result = relatedPosts(sorted);
  memo.related = { signature, result };
  return result;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Posts newest first; `posts` must already exclude drafts and future posts. */
/** `docs`: rendered bodies by post path, made earlier by the build's (cached) post step; a post without one is rendered here. */
/** `memo`: what the previous build of this process kept (see SitePagesMemo); the pages are the same without it. */
export function sitePages(posts: readonly PostRecord[], site: SiteConfig, cited: ReadonlyMap<string, Bibliography> = new Map(), docs: ReadonlyMap<string, StoredDocument> = new Map(), memo?: SitePagesMemo): Map<string, SitePage> {
  const sorted = newestFirst(posts);
  const lastSummaries = memo?.summaryByPath;
  const summaryByPath = new Map<string, PostSummary>();
  const summaries = sorted.map((post) => {
    let summary = memo?.summaries.get(post);
    if (!summary) {
      summary = summarize(post);
      // An edited post whose summary reads the same (a body edit) keeps the last build's object: pages showing it stay the same objects.
      const last = lastSummaries?.get(summary.path);
      if (last && JSON.stringify(last) === JSON.stringify(summary)) summary = last;
      memo?.summaries.set(post, summary);
    }
    if (memo) summaryByPath.set(summary.path, summary);
    return summary;
  });
  if (memo) memo.summaryByPath = summaryByPath;
  const summaryOf = new Map(sorted.map((post, i) => [post, summaries[i]!]));
  const related = memoRelated(sorted, memo);
  const pages = new Map<string, SitePage>();
  const postPages = new Map<string, { inputs: unknown[]; page: SitePage }>();
  const listPages = new Map<string, { inputs: unknown[]; page: SitePage }>();
  /** The page at `path`, made by `make` from `inputs` (summaries by identity, the rest by value), or the last build's when they are the same. */
  const listPage = (path: string, inputs: unknown[], make: () => SitePage): SitePage => {
    const kept = memo?.listPages.get(path);
    const page = kept && sameInputs(kept.inputs, inputs) ? kept.page : make();
    if (memo) listPages.set(path, { inputs, page });
    return page;
  };

  sorted.forEach((post, i) => {
    if (post.meta.redirect) {
      pages.set(post.meta.path, { kind: "redirect", to: post.meta.redirect });
      return;
    }
    const bibliography = cited.get(post.meta.path);
    const doc = docs.get(post.meta.path);
    // Everything the page below is made of; summaries are memoised by post, so equal posts give identical ones.
    const inputs: unknown[] = [post, doc, bibliography, i > 0 ? summaries[i - 1] : undefined, i + 1 < sorted.length ? summaries[i + 1] : undefined, ...related[i]!.map((j) => summaries[j])];
    const kept = memo?.postPages.get(post.meta.path);
    if (kept && doc && sameInputs(kept.inputs, inputs)) {
      pages.set(post.meta.path, kept.page);
      postPages.set(post.meta.path, kept);
      return;
    }
    const image = postImage(post);
    // The blob stores the rendered body (the worker's own render, made here once) instead of the body and fragments.
    const stored: StoredPost = { ...post };
    delete stored.body;
    delete stored.fragments;
    const page: PostPage = {
      post: stored,
      doc: doc ?? storeDocument(post, bibliography),
      ...(bibliography ? { bibliography } : {}),
      ...(i > 0 ? { newer: summaries[i - 1] } : {}),
      ...(i + 1 < sorted.length ? { older: summaries[i + 1] } : {}),
      ...(related[i]!.length ? { related: related[i]!.map((j) => summaries[j]!) } : {}),
      ...(image ? { image } : {}),
    };
    const made: SitePage = { kind: "post", data: page };
    pages.set(post.meta.path, made);
    postPages.set(post.meta.path, { inputs, page: made });
  });
  if (memo) memo.postPages = postPages;

  // Featured posts are capped like the latest ones: the home page stays one bounded blob.
  const featured = summaries.filter((_, i) => sorted[i]!.meta.featured).slice(0, site.perPage);
  const latest = summaries.slice(0, site.perPage);
  pages.set("/", listPage("/", [latest.length, ...latest, ...featured], () => ({ kind: "home", data: { latest, featured } satisfies HomePage })));

  for (const p of paginate(blogPagePath, summaries, site.perPage)) {
    const title = p.pager.page > 1 ? `Blog, page ${p.pager.page}` : "Blog";
    pages.set(p.path, listPage(p.path, [title, JSON.stringify(p.pager), ...p.posts], () => ({ kind: "list", data: { kind: "blog", title, posts: p.posts, pager: p.pager } satisfies ListPage })));
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
        const pageTitle = p.pager.page > 1 ? `${title(label)}, page ${p.pager.page}` : title(label);
        const list = (): ListPage => ({ kind, title: pageTitle, posts: p.posts, pager: p.pager, ...(feed ? { feed } : {}) });
        pages.set(p.path, listPage(p.path, [kind, pageTitle, JSON.stringify([p.pager, feed]), ...p.posts], () => ({ kind: "list", data: list() })));
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
    const kept = memo?.feedHtml.get(post);
    if (kept && kept.bibliography === bibliography) return kept.html;
    const doc = renderMarkdown(post.body, feedRenderOptions({ ...postRenderOptions(post), cards: false, ...(bibliography ? { bibliography } : {}) }));
    const html = doc.html + appendix(doc, bibliography).toString();
    memo?.feedHtml.set(post, { bibliography, html });
    return html;
  };
  for (const [path, doc] of siteDocuments(sorted, site, pages, renderHtml)) pages.set(path, doc);
  if (memo) memo.listPages = listPages;
  return pages;
}
