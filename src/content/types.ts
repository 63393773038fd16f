/** The content model: what the build stores in KV and the worker renders. JSON-serialisable. */
import type { Fragments } from "../markdown/fragments.ts";

export interface Affiliation {
  name: string;
  url?: string;
}

export interface Author {
  name: string;
  url?: string;
  affiliations: Affiliation[];
}

export interface TocEntry {
  name: string;
  subsections: TocEntry[];
}

/**
 * `toc` front matter: an explicit list (distill), or generated from headings
 * (`toc: true`, `toc: {sidebar: left}`, `toc: {beginning: true}`: al-folio's post layout shows
 * the last two, as a margin column or as a list before the body).
 */
export type Toc = { kind: "list"; entries: TocEntry[] } | { kind: "auto"; sidebar?: "left" | "right"; beginning?: boolean };

export type Layout = "post" | "distill";

/** Validated, normalised front matter plus what the file name gives. */
export interface PostMeta {
  /** From the file name minus its date: `2024-01-03-december-2023-in-ml.md` → `december-2023-in-ml`. */
  slug: string;
  /** Site path: `/blog/2024/december-2023-in-ml/`. */
  path: string;
  layout: Layout;
  title: string;
  description: string;
  /** ISO 8601 with offset, in the site's time zone when the author gave none. */
  date: string;
  /** Four-digit year of `date` in the site's time zone; the URL's YYYY. */
  year: string;
  lastModified?: string;
  tags: string[];
  categories: string[];
  authors: Author[];
  toc?: Toc;
  /** File name inside `assets/bibliography/`. */
  bibliography?: string;
  /** Post-specific CSS (`_styles`), checked not to close its `<style>`. */
  styles?: string;
  /** Base64 SHA-256 of `styles`, computed by the build: the page's CSP allows that one `<style>` by hash. */
  stylesHash?: string;
  giscusComments: boolean;
  /** `disqus_comments: true`: shown when site.yml has a Disqus shortname. */
  disqusComments?: boolean;
  featured: boolean;
  published: boolean;
  relatedPosts: boolean;
  thumbnail?: string;
  redirect?: string;
  /** Front-matter keys the engine passes through for later features (chart, mermaid, images, …). */
  extras: Record<string, unknown>;
}

export interface PostRecord {
  meta: PostMeta;
  /** Markdown body after the front matter (in a published post: after Liquid, with fragment placeholders). */
  body: string;
  /** HTML the build made for the body (see src/markdown/fragments.ts); absent before the build prepares the post. */
  fragments?: Fragments;
  /** Optional scripts the body's tags asked for (`twitter`), found by the build. */
  embeds?: string[];
  /** al-folio's related publications (`related_publications: true`): HTML made by the build from the works cited with jekyll-scholar tags. */
  publications?: string;
  /** Where the post came from, for messages: `content/posts/2024-01-03-x.md`. */
  sourceFile: string;
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number;
}

/** What list pages show of a post. */
export interface PostSummary {
  path: string;
  title: string;
  description: string;
  date: string;
  tags: string[];
  categories: string[];
  readingMinutes: number;
  /** `thumbnail:` as a site path or absolute http(s) URL, shown beside the summary as on al-folio's blog list. */
  thumbnail?: string;
}

export interface NavLink {
  title: string;
  url: string;
}

export interface GiscusSettings {
  repo: string;
  repoId: string;
  category: string;
  categoryId: string;
  mapping: string;
  strict: string;
  reactionsEnabled: string;
  inputPosition: string;
  theme: string;
  lang: string;
}

/** `content/site.yml`, validated. */
export interface SiteConfig {
  title: string;
  description: string;
  /** Canonical origin without trailing slash: the only source of absolute URLs. */
  url: string;
  author: string;
  timezone: string;
  perPage: number;
  /** Posts per page of year, tag and category archives (`archive_per_page`). */
  archivePerPage: number;
  /** Items in each feed, newest first (`feed_items`). */
  feedItems: number;
  nav: NavLink[];
  giscus?: GiscusSettings;
  /** Jekyll permalink of posts (`permalink:` in site.yml, checked); absent: al-folio's `/blog/:year/:title/`. */
  permalink?: string;
  /** Disqus forum shortname (`disqus_shortname`, al-folio's key, or `disqus: {shortname}`): `[a-z0-9-]`. */
  disqusShortname?: string;
  /** `twitter_widgets: true`: pages with a `{% twitter %}` load Twitter's script (the quote reads fine without). */
  twitterWidgets?: boolean;
  footer: string;
  /** `favicon`: site path of the icon (`/assets/img/icon.png`); absent: the engine's default. */
  favicon?: string;
  /** `citation_style`: the CSL style id posts format their references in (build time); absent: distill-like. */
  citationStyle?: string;
}
