/**
 * What `{{ page.* }}` and `{{ site.* }}` hold in a post's Liquid, as in
 * Jekyll: `page` is the front matter plus the values Jekyll computes (url,
 * date, slug, id, path, …); `site` is site.yml as written plus the values
 * the engine settled (url, title, …). Built at build time only.
 */
import type { PostMeta, SiteConfig } from "../../src/content/types.ts";
import { parsePostFileName, postPath } from "../../src/content/urls.ts";

/** `page` for a post: front matter first, Jekyll's computed values over it. */
export function liquidPage(meta: PostMeta, frontMatter: unknown): Record<string, unknown> {
  const data = frontMatter && typeof frontMatter === "object" && !Array.isArray(frontMatter) ? (frontMatter as Record<string, unknown>) : {};
  return {
    ...data,
    title: meta.title,
    description: meta.description,
    layout: meta.layout,
    date: new Date(meta.date),
    url: meta.path,
    id: meta.path.replace(/\/$/, ""),
    slug: meta.slug,
    tags: meta.tags,
    categories: meta.categories,
  };
}

/** `site` for every post: site.yml as written, with the engine's settled values over it. */
export function liquidSite(site: SiteConfig, raw: unknown): Record<string, unknown> {
  const data = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return { ...data, title: site.title, description: site.description, url: site.url, baseurl: "", time: new Date() };
}

/** Site path of each post by file name without `.md` (`2024-01-03-slug`), for `{% post_url %}`. */
export function postUrlsByName(files: readonly string[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const parsed = parsePostFileName(name);
    if (parsed) urls.set(name.replace(/\.(?:md|markdown)$/, ""), postPath(parsed.date.slice(0, 4), parsed.slug));
  }
  return urls;
}
