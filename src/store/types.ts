import type { PostRecord, PostSummary, SiteConfig } from "../content/types.ts";
import type { Bibliography } from "../bibliography/types.ts";
import type { StoredDocument } from "../markdown/stored-document.ts";

/** What a version is: everything a request needs besides its route and blob. */
export interface Manifest {
  /** Content hash of the version: the same content always gives the same version. */
  version: string;
  /** Hashes of the route shards, in shard order: the shard of `path` is `shard/<shards[shardOf(path, shards.length)]>`. */
  shards: string[];
  /** When the build made it (ISO). */
  builtAt: string;
  site: SiteConfig;
  /** Path of the engine stylesheet, content-hashed so it can be cached forever. */
  stylesheet: string;
  /** The engine's scripts and default icon: absent in versions built before they existed. */
  engineFiles?: EngineFiles;
  /** Number of published posts, for the build's summary line. */
  posts: number;
  /** Client libraries by name (`katex`, `mermaid`…), for pages that need them; see scripts/lib/client-assets.ts. */
  libraries?: Record<string, ClientLibrary>;
}

/** A client-side library as a page loads it: site paths with content-hashed names, in load order. */
export interface ClientLibrary {
  styles: string[];
  scripts: string[];
}

/** Public paths of the engine's own files in /assets/edgefolio/ (content-hashed); see src/client/. */
export interface EngineFiles {
  /** Script loaded synchronously in <head>: sets the theme before the first paint (the CSP allows no inline script). */
  theme: string;
  /** Script loaded with `defer`: theme toggle, cards, current TOC section. */
  site: string;
  /** The default favicon (site.yml `favicon` replaces it). */
  favicon: string;
}

/** The pointer: the live manifest, plus the versions before it (newest first) for rollback. */
export interface Live extends Manifest {
  previous: string[];
}

/** Pages rendered by a view into the site frame. */
export type PageKind = "post" | "list" | "home";
/** Documents precomputed whole at build time (feeds, sitemap, robots.txt): the blob is the response body. */
export type DocumentKind = "rss" | "atom" | "json-feed" | "sitemap" | "robots";
export type RouteKind = PageKind | DocumentKind;

/**
 * A route: a page in blob `blob/<blob>`, whole, or (`at`) the slice
 * [start, start + length) of that pack's text (UTF-16 units; see pack.ts); or a redirect.
 */
export type RouteEntry =
  | { kind: RouteKind; blob: string; at?: readonly [start: number, length: number] }
  | { kind: "redirect"; to: string };

export type RouteShard = Record<string, RouteEntry>;

/** A post as its page blob holds it: without body and fragments when the blob stores the rendered `doc`. */
export type StoredPost = Omit<PostRecord, "body" | "fragments"> & Partial<Pick<PostRecord, "body" | "fragments">>;

/** Blob of a post page. */
export interface PostPage {
  post: StoredPost;
  /** The body rendered by the build (src/markdown/stored-document.ts); absent in blobs of an earlier engine, which carry `post.body`. */
  doc?: StoredDocument;
  /** The BibTeX entries the post cites (parsed by the build), by key. */
  bibliography?: Bibliography;
  newer?: PostSummary;
  older?: PostSummary;
  /** Posts sharing the most tags with this one, then the newest; absent when none or `related_posts: false`. */
  related?: PostSummary[];
  /** Site path or absolute URL of the picture that represents the post (thumbnail, else first figure). */
  image?: string;
}

export interface Pager {
  page: number;
  pages: number;
  /** Paths of the neighbouring and end pages. */
  first: string;
  last: string;
  prev?: string;
  next?: string;
}

/** Blob of a list page: the blog, a year, a tag or a category archive. */
export interface ListPage {
  kind: "blog" | "year" | "tag" | "category";
  title: string;
  posts: PostSummary[];
  pager?: Pager;
  /** A tag archive's own feeds (site paths), for autodiscovery. */
  feed?: { rss: string; json: string };
}

/** Blob of the home page. */
export interface HomePage {
  latest: PostSummary[];
  featured: PostSummary[];
}
