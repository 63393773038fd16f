/**
 * A Jekyll `_config.yml` (al-folio's or a plain Jekyll site's) → the keys of
 * edgefolio's `site.yml` (the schema read by scripts/lib/site-config.ts),
 * plus one located note per setting that has no equivalent, saying why.
 *
 * Followed: al-folio's `_config.yml` (title `blank` → the owner's full name,
 * `first_name`/`middle_name`/`last_name`, `url` + `baseurl`, `permalink`,
 * jekyll-paginate-v2's `pagination`, `giscus`, `disqus_shortname`, `icon`,
 * `scholar`), and Jekyll's own defaults (https://jekyllrb.com/docs/configuration/default/):
 * `permalink: date` when the key is absent, `paginate: N`, `timezone`.
 * Keys that are off or empty (`google_analytics:`, `enable_x: false`) cost
 * nothing to drop and are only counted.
 */
import type { ContentError } from "../../../src/content/error.ts";
import { isValidTimeZone } from "../../../src/content/dates.ts";
import { DEFAULT_PERMALINK, permalinkProblem } from "../../../src/content/permalink.ts";
import { parseYamlFile } from "../front-matter-file.ts";
import { SCHOLAR_DEFAULT_STYLE } from "../scholar.ts";
import { readFrontMatterDefaults, type FrontMatterDefault } from "./front-matter-defaults.ts";

export interface ConfigMapping {
  /** site.yml keys and values, in the order they are written. */
  site: Record<string, unknown>;
  /** `_config.yml key → site.yml key` lines for the report. */
  mapped: string[];
  /** Keys that were off or empty (nothing to map). */
  ignoredEmpty: string[];
  /** YAML errors (severity error) and what could not be mapped (severity warning), located in `_config.yml`. */
  notes: ContentError[];
  /** The jekyll-scholar bibliography file name under `_bibliography/` (`papers.bib` unless `scholar.bibliography` says otherwise). */
  scholarBibliography: string;
  /** `defaults:` entries that can cover posts or drafts, for the import to apply to each file. */
  frontMatterDefaults: FrontMatterDefault[];
}

/** What the blog page of the site says (al-folio's `_pages/blog.md` front matter), when the import found it. */
export interface BlogPageSettings {
  perPage?: number;
}

/** Jekyll's default when `permalink` is absent (a plain Jekyll site's URLs). */
const JEKYLL_DEFAULT_PERMALINK = "date";

/** Settings edgefolio does by itself, so there is nothing to map. */
const BUILT_IN: Readonly<Record<string, string>> = {
  markdown: "kramdown syntax is built in",
  kramdown: "kramdown syntax (GFM input) is built in",
  highlighter: "code is highlighted at build time (highlight.js)",
  lsi: "related posts are computed at build time (shared tags, then recency)",
  related_blog_posts: "related posts are computed at build time",
  "jekyll-archives": "year, tag and category archives are built in (/blog/YEAR/, /blog/tag/NAME/, /blog/category/NAME/)",
  enable_math: "math is typeset by KaTeX at build time",
  enable_darkmode: "the light/dark toggle is built in",
  enable_medium_zoom: "figures with zoomable=true zoom without setting",
  sass: "edgefolio has its own stylesheet",
  "jekyll-minifier": "edgefolio writes its own HTML",
  terser: "edgefolio ships its own scripts",
  include: "Jekyll's file selection; the import copies posts, drafts, assets and the bibliography",
  exclude: "Jekyll's file selection; the import copies posts, drafts, assets and the bibliography",
  keep_files: "Jekyll's output folder is not used",
  lazy_loading_images: "figures keep the `loading` their include asks for",
  rss_icon: "feeds are always served (/feed.xml, /atom.xml, /feed.json)",
  encoding: "content is read as UTF-8",
};

/** Why a setting has no edgefolio equivalent, for settings that are on. */
const NOT_MAPPED: Readonly<Record<string, string>> = {
  footer_text: "it is HTML, and edgefolio's footer is plain text: write `footer:` in site.yml if you want one",
  blog_name: "the blog page shows the site's title",
  blog_description: "the blog page shows the site's description",
  contact_note: "edgefolio serves the blog only, not al-folio's about page",
  keywords: "edgefolio writes no keywords meta tag",
  lang: "pages are served with lang=\"en\"",
  collections: "only posts are imported: other collections have no pages in edgefolio",
  external_sources: "edgefolio builds offline and fetches no other site's feed",
  third_party_libraries: "client libraries come from npm and are served from /assets/, never from a CDN",
  jekyll_get_json: "edgefolio fetches no data at build time",
  jsonresume: "edgefolio has no CV page",
  display_tags: "the blog page has no tag bar; every tag has its archive at /blog/tag/NAME/",
  display_categories: "the blog page has no category bar; every category has its archive at /blog/category/NAME/",
  newsletter: "edgefolio has no newsletter form",
  og_image: "edgefolio writes no Open Graph image",
  serve_og_meta: "edgefolio writes its own meta tags (Highwire citation_* on every post)",
  serve_schema_org: "edgefolio writes its own meta tags (Highwire citation_* on every post)",
  "jekyll-archives-v2": "archives are built in",
};

/** Keys whose name says which family of unsupported feature they belong to. */
const NOT_MAPPED_PATTERNS: readonly [RegExp, string][] = [
  [/analytics|_verification$/, "edgefolio loads no third-party script (each page's CSP allows only the site's own)"],
  [/^(repo_|enable_publication|max_author_limit|more_authors|filtered_bibtex|bib_search|enable_project)/, "edgefolio serves the blog only, not al-folio's publications, repositories or projects pages"],
  [/^(navbar_|footer_fixed|back_to_top|search_enabled|socials_in_search|posts_in_search|enable_navbar|enable_tooltips|enable_progressbar|enable_masonry|enable_video_embedding|last_updated|impressum_path)/, "a feature of al-folio's own theme that edgefolio's layout does not have"],
];

/** Jekyll plugins (al-folio's list and common ones) whose effect edgefolio has built in. */
const SUPPORTED_PLUGINS: ReadonlySet<string> = new Set([
  "jekyll-feed", "jekyll-sitemap", "jekyll-archives", "jekyll-archives-v2", "jekyll/scholar", "jekyll-scholar",
  "jekyll-jupyter-notebook", "jekyll-tabs", "jekyll-toc", "jekyll-twitter-plugin", "jemoji", "jekyll-paginate",
  "jekyll-paginate-v2", "jekyll-redirect-from", "jekyll-minifier", "jekyll-terser", "jekyll-seo-tag",
]);

/** Why an unsupported plugin is harmless or what it costs. */
const PLUGIN_REASONS: Readonly<Record<string, string>> = {
  "jekyll-email-protect": "its `encode_email` filter is unknown: a post that uses it stops the build at file:line",
  "jekyll-get-json": "edgefolio fetches no data at build time",
  "jekyll-imagemagick": "pictures are served as they are (no WebP variants)",
  "jekyll-link-attributes": "external links are not given target=\"_blank\": write `{:target=\"_blank\"}` after a link",
  "jekyll-regex-replace": "its `regex_replace` filter is unknown: a post that uses it stops the build at file:line",
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isOff = (v: unknown): boolean =>
  v === null || v === undefined || v === false || v === "" || (Array.isArray(v) && v.length === 0) || (isRecord(v) && (v["enabled"] === false || Object.keys(v).length === 0));
const text = (v: unknown): string | undefined => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : undefined);
const positiveInt = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : undefined);

/**
 * Map `_config.yml`'s text to site.yml keys.
 *
 * @param file - how `_config.yml` is named in messages (`my-site/_config.yml`)
 * @param blog - settings read from the site's blog page (al-folio's `per_page` lives there)
 * @returns the site.yml keys and a note per setting left out; a YAML syntax error is an error note and maps nothing
 */
export function mapJekyllConfig(source: string, file: string, blog: BlogPageSettings = {}): ConfigMapping {
  const { data, locate, problems } = parseYamlFile(source, file);
  const result: ConfigMapping = { site: {}, mapped: [], ignoredEmpty: [], notes: [], scholarBibliography: "papers.bib", frontMatterDefaults: [] };
  if (problems.some((p) => p.severity === "error")) {
    result.notes.push(...problems);
    return result;
  }
  const raw = isRecord(data) ? data : {};
  const { site, mapped, notes } = result;
  const note = (path: (string | number)[], message: string, hint?: string, part: "key" | "value" = "value") =>
    notes.push({ file, ...locate(path, part), message, severity: "warning", ...(hint ? { hint } : {}) });
  const handled = new Set<string>();
  const use = (...keys: string[]) => keys.forEach((k) => handled.add(k));

  // Title and author: al-folio shows the owner's full name when the title is blank.
  const fullName = ["first_name", "middle_name", "last_name"].map((k) => text(raw[k])).filter((s) => s).join(" ");
  const authorRaw = raw["author"];
  const author = fullName || text(authorRaw) || (isRecord(authorRaw) ? text(authorRaw["name"]) : undefined) || "";
  use("first_name", "middle_name", "last_name", "author", "title", "description");
  const title = text(raw["title"]);
  if (title && title !== "blank") {
    site["title"] = title;
    mapped.push("title → title");
  } else if (author) {
    site["title"] = author;
    mapped.push(`${title === "blank" ? "title: blank" : "no title"} → title: ${author} (the owner's name, as al-folio shows it)`);
  }
  const description = text(raw["description"]);
  if (description) {
    site["description"] = description;
    mapped.push("description → description");
  }

  // url + baseurl: edgefolio serves at the root of an origin.
  use("url", "baseurl");
  const urlText = text(raw["url"]);
  const baseurl = (text(raw["baseurl"]) ?? "").replace(/\/+$/, "");
  if (urlText) {
    const m = /^(https?:\/\/[^/\s?#]+)(\/[^\s?#]*)?$/.exec(urlText);
    if (m) {
      site["url"] = m[1];
      mapped.push("url → url");
      if (m[2] && m[2] !== "/") note(["url"], `the path \`${m[2]}\` of \`url\` is dropped`, "edgefolio serves the site at the root of its origin; its url is the origin only");
    } else note(["url"], `\`url: ${urlText}\` is not an http(s) origin: not mapped`, "write url: https://example.org in site.yml; until then links use http://localhost:8787");
  } else note(["url"], "no `url`: feeds and canonical links use http://localhost:8787 until you set it", "write url: https://example.org in site.yml");
  if (baseurl) note(["baseurl"], `\`baseurl: ${baseurl}\` is not mapped: pages move from ${baseurl}/… to /…`, "edgefolio serves the site at the root of its domain; `relative_url` in posts gives root paths");

  use("timezone");
  const timezone = text(raw["timezone"]);
  if (timezone) {
    if (isValidTimeZone(timezone)) {
      site["timezone"] = timezone;
      mapped.push("timezone → timezone");
    } else note(["timezone"], `unknown time zone \`${timezone}\`: not mapped (dates are read in UTC)`, "use an IANA name such as Europe/Warsaw");
  }

  // Post URLs: Jekyll's default style when absent, so a plain Jekyll site keeps its links.
  use("permalink");
  const permalink = raw["permalink"] === undefined ? JEKYLL_DEFAULT_PERMALINK : text(raw["permalink"]);
  if (permalink) {
    const problem = permalinkProblem(permalink);
    if (problem) note(["permalink"], `${problem} in \`permalink: ${permalink}\`: not mapped, posts are served at ${DEFAULT_PERMALINK}`);
    else if (permalink !== DEFAULT_PERMALINK) {
      site["permalink"] = permalink;
      mapped.push(raw["permalink"] === undefined ? `no permalink → permalink: ${permalink} (Jekyll's default)` : "permalink → permalink");
    } else mapped.push("permalink → (edgefolio's default)");
  }

  // Posts per page: Jekyll's `paginate`, jekyll-paginate-v2's `pagination.per_page`, or al-folio's blog page.
  use("paginate", "pagination", "paginate_path");
  const pagination = raw["pagination"];
  const perPage = positiveInt(raw["paginate"]) ?? (isRecord(pagination) ? positiveInt(pagination["per_page"]) : undefined) ?? blog.perPage;
  if (perPage) {
    site["per_page"] = perPage;
    mapped.push(`${raw["paginate"] !== undefined ? "paginate" : isRecord(pagination) && pagination["per_page"] !== undefined ? "pagination.per_page" : "the blog page's pagination.per_page"} → per_page`);
  }

  use("giscus");
  const giscus = raw["giscus"];
  if (isRecord(giscus) && !isOff(giscus)) {
    if (text(giscus["repo"]) && text(giscus["repo_id"])) {
      const keys = ["repo", "repo_id", "category", "category_id", "mapping", "strict", "reactions_enabled", "input_position", "theme", "lang"];
      site["giscus"] = Object.fromEntries(keys.filter((k) => giscus[k] !== undefined && giscus[k] !== null && giscus[k] !== "").map((k) => [k, giscus[k]]));
      mapped.push("giscus → giscus");
      const extra = Object.keys(giscus).filter((k) => !keys.includes(k) && !isOff(giscus[k]));
      if (extra.length) note(["giscus", extra[0]!], `giscus ${extra.map((k) => `\`${k}\``).join(", ")} not mapped`, "edgefolio's giscus block takes repo, repo_id, category, category_id, mapping, strict, reactions_enabled, input_position, theme, lang");
    } else note(["giscus"], "giscus has no `repo` and `repo_id`: not mapped, comments stay off", "fill them in from giscus.app and copy the giscus block into site.yml", "key");
  }

  use("disqus_shortname");
  const disqus = text(raw["disqus_shortname"]);
  if (disqus) {
    if (/^[a-z0-9][a-z0-9-]{0,62}$/i.test(disqus)) {
      site["disqus_shortname"] = disqus;
      mapped.push("disqus_shortname → disqus_shortname");
    } else note(["disqus_shortname"], `\`${disqus}\` is not a Disqus shortname: not mapped`, "a shortname is letters, digits and `-`");
  }

  // al-folio's `icon`: an emoji, or a file name under assets/img/.
  use("icon", "favicon");
  const icon = text(raw["favicon"]) ?? text(raw["icon"]);
  if (icon) {
    const key = raw["favicon"] !== undefined ? "favicon" : "icon";
    if (/\.(png|svg|ico|jpe?g|gif|webp)$/i.test(icon)) {
      site["favicon"] = key === "icon" && !icon.includes("/") ? `assets/img/${icon}` : icon.replace(/^\/+/, "");
      mapped.push(`${key} → favicon`);
    } else note([key], `\`${key}: ${icon}\` is not a picture file: not mapped, the engine's favicon is used`, "put a picture under assets/img/ and write favicon: assets/img/NAME.png in site.yml");
  }

  use("scholar");
  const scholar = raw["scholar"];
  if (isRecord(scholar)) {
    const bib = text(scholar["bibliography"]);
    if (bib) result.scholarBibliography = /\.bib$/i.test(bib) ? bib : `${bib}.bib`;
    const style = text(scholar["style"]);
    if (style && style !== SCHOLAR_DEFAULT_STYLE) {
      note(["scholar", "style"], `jekyll-scholar's \`style: ${style}\` is not mapped: \`{% cite %}\` uses ${SCHOLAR_DEFAULT_STYLE} as on al-folio by default`, `add citation_style: ${style} to the front matter of posts that cite (in site.yml it would restyle distill posts too)`);
    }
    const source = text(scholar["source"]);
    if (source && source.replace(/^\/|\/$/g, "") !== "_bibliography") note(["scholar", "source"], `jekyll-scholar's \`source: ${source}\` is not read: the bibliography is taken from _bibliography/`, "move the .bib file to _bibliography/ before importing");
    mapped.push(`scholar.bibliography (${result.scholarBibliography}) → _bibliography/papers.bib`);
  }

  // Front-matter defaults: applied by the import to each post they cover (front-matter-defaults.ts).
  use("defaults");
  const defaults = readFrontMatterDefaults(raw["defaults"], (i, reason) => note(["defaults", i], `a \`defaults\` entry is not applied: ${reason}`));
  for (const entry of defaults) {
    if (entry.type === undefined || entry.type === "posts" || entry.type === "drafts") result.frontMatterDefaults.push(entry);
    else note(["defaults", entry.index, "scope", "type"], `defaults for \`type: ${entry.type}\` are not applied: only posts and drafts are imported`);
  }
  if (result.frontMatterDefaults.length) mapped.push(`defaults → written into the front matter of each post they cover (its own keys win)`);

  use("plugins", "gems");
  for (const listKey of ["plugins", "gems"]) {
    const list = raw[listKey];
    if (!Array.isArray(list)) continue;
    list.forEach((p, i) => {
      const name = text(p);
      if (!name || SUPPORTED_PLUGINS.has(name)) return;
      note([listKey, i], `plugin \`${name}\` does not run: ${PLUGIN_REASONS[name] ?? "Jekyll plugins are Ruby; a Liquid tag or filter it adds stops the build at file:line"}`);
    });
  }

  for (const [key, value] of Object.entries(raw)) {
    if (handled.has(key) || BUILT_IN[key]) continue;
    if (isOff(value)) {
      result.ignoredEmpty.push(key);
      continue;
    }
    const reason = NOT_MAPPED[key] ?? NOT_MAPPED_PATTERNS.find(([re]) => re.test(key))?.[1] ?? "no edgefolio equivalent (a theme or plugin setting)";
    note([key], `\`${key}\` not mapped: ${reason}`, undefined, "key");
  }
  return result;
}
