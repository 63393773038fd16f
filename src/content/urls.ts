/** The URL scheme (al-folio's), in one place: every link and every route comes from here. */
import { slugify } from "./slug.ts";

export const postPath = (year: string, slug: string): string => `/blog/${year}/${slug}/`;
export const blogPagePath = (page: number): string => (page <= 1 ? "/blog/" : `/blog/page/${page}/`);
export const yearPath = (year: string): string => `/blog/${year}/`;
export const tagPath = (tag: string): string => `/blog/tag/${slugify(tag)}/`;
export const categoryPath = (category: string): string => `/blog/category/${slugify(category)}/`;
/** Site-relative asset reference as al-folio writes it (`assets/img/x.jpg`) → `/assets/img/x.jpg`. */
export const assetPath = (path: string): string => "/" + path.replace(/^\/+/, "");
/** Absolute URL from the site's canonical origin (never from the request's Host). */
export const absoluteUrl = (origin: string, path: string): string => origin.replace(/\/+$/, "") + path;

/** `2024-01-03-december-2023-in-ml.md` → date and slug; null when the name is not dated. */
export function parsePostFileName(name: string): { date: string; slug: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)\.(?:md|markdown)$/.exec(name);
  if (!m) return null;
  return { date: m[1]!, slug: m[2]! };
}
