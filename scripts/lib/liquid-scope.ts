/**
 * What `{{ page.* }}` and `{{ site.* }}` hold in a post's Liquid, as in
 * Jekyll: `page` is the front matter plus the values Jekyll computes (url,
 * date, slug, id, path, …); `site` is site.yml as written plus the values
 * the engine settled (url, title, …). Built at build time only.
 */
import type { PostMeta, SiteConfig } from "../../src/content/types.ts";
import { parsePostFileName, postPath, postUrlKey } from "../../src/content/urls.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { parseFrontMatterFile } from "./front-matter-file.ts";

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

/**
 * Site path of each post by file name without `.md` (`2024-01-03-slug`), for
 * `{% post_url %}`: the same `PostMeta.path` the post is served at (its
 * front-matter date and categories under the site's permalink). A post whose
 * front matter does not validate is reported where it is built; here it
 * falls back to its file name's date.
 */
export function postUrlsByName(posts: readonly { file: string; text: string }[], site: SiteConfig): Map<string, string> {
  const urls = new Map<string, string>();
  for (const { file, text } of posts) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const parsed = parsePostFileName(name);
    if (!parsed) continue;
    const split = parseFrontMatterFile(text, file);
    const { meta } = validateFrontMatter({
      data: split.data, file, fileDate: parsed.date, slug: parsed.slug, timeZone: site.timezone, locate: split.locate,
      ...(site.permalink ? { permalink: site.permalink } : {}),
    });
    const fallback = () => postPath({ date: `${parsed.date.slice(0, 4)}-01-01T00:00:00Z`, slug: parsed.slug, categories: [] }, site.permalink);
    urls.set(postUrlKey(name.replace(/\.(?:md|markdown)$/, "")), meta?.path ?? fallback());
  }
  return urls;
}
