/** `content/site.yml` → SiteConfig, with al-folio's defaults and located errors. */
import type { ContentError } from "../../src/content/error.ts";
import type { GiscusSettings, NavLink, SiteConfig } from "../../src/content/types.ts";
import { isValidTimeZone } from "../../src/content/dates.ts";
import { parseYamlFile } from "./front-matter-file.ts";
import { DEFAULT_PERMALINK, permalinkProblem } from "../../src/content/permalink.ts";
import { DISTILL_STYLE, loadStyle, NAMED_STYLES } from "./csl-styles.ts";

export function parseSiteConfig(text: string, file: string): { site: SiteConfig; problems: ContentError[] } {
  const { data, locate, problems } = parseYamlFile(text, file);
  const raw = (data && typeof data === "object" && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const at = (path: (string | number)[], message: string, hint?: string) =>
    problems.push({ file, ...locate(path), message, severity: "error", ...(hint ? { hint } : {}) });
  const text_ = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === "string" || typeof v === "number") return String(v);
    at([key], `\`${key}\` must be text`);
    return fallback;
  };
  const int = (key: string, fallback: number): number => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
    at([key], `\`${key}\` must be a whole number above 0`);
    return fallback;
  };

  const url = text_("url", "http://localhost:8787").replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+$/.test(url)) at(["url"], `\`url\` must be an origin like https://example.org, not \`${url}\``, "it is the only source of absolute URLs (feeds, canonical links)");
  const timezone = text_("timezone", "UTC");
  if (!isValidTimeZone(timezone)) at(["timezone"], `unknown time zone \`${timezone}\``, "use an IANA name such as Europe/Warsaw or America/New_York");

  const nav: NavLink[] = [];
  const navRaw = raw["nav"];
  if (Array.isArray(navRaw)) {
    navRaw.forEach((item, i) => {
      const n = item as Record<string, unknown> | null;
      if (n && typeof n["title"] === "string" && typeof n["url"] === "string") nav.push({ title: n["title"], url: n["url"] });
      else at(["nav", i], "each navigation entry needs `title` and `url`");
    });
  } else if (navRaw !== undefined) at(["nav"], "`nav` must be a list of `- title: …` / `url: …` entries");

  let giscus: GiscusSettings | undefined;
  const g = raw["giscus"];
  if (g && typeof g === "object" && !Array.isArray(g)) {
    const s = g as Record<string, unknown>;
    const v = (k: string, d = "") => (typeof s[k] === "string" || typeof s[k] === "number" || typeof s[k] === "boolean" ? String(s[k]) : d);
    giscus = {
      repo: v("repo"), repoId: v("repo_id"), category: v("category"), categoryId: v("category_id"),
      mapping: v("mapping", "title"), strict: v("strict", "1"), reactionsEnabled: v("reactions_enabled", "1"),
      inputPosition: v("input_position", "bottom"), theme: v("theme", "preferred_color_scheme"), lang: v("lang", "en"),
    };
    if (!giscus.repo || !giscus.repoId) at(["giscus"], "giscus needs `repo` and `repo_id`", "copy them from giscus.app");
  }

  // al-folio writes `disqus_shortname: NAME`; `disqus: {shortname: NAME}` groups it like giscus.
  const disqusPath = raw["disqus_shortname"] !== undefined ? ["disqus_shortname"] : ["disqus", "shortname"];
  const disqusRaw = raw["disqus_shortname"] ?? (raw["disqus"] as Record<string, unknown> | null | undefined)?.["shortname"];
  let disqusShortname: string | undefined;
  if (typeof disqusRaw === "string" && /^[a-z0-9][a-z0-9-]{0,62}$/i.test(disqusRaw)) disqusShortname = disqusRaw.toLowerCase();
  else if (disqusRaw !== undefined && disqusRaw !== null && disqusRaw !== "") at(disqusPath, "a Disqus shortname is letters, digits and `-`", "copy it from your Disqus admin page (NAME in NAME.disqus.com)");

  // Jekyll's `permalink:` (a pattern or a style name), so a migrated site keeps its post URLs.
  const permalink = text_("permalink", DEFAULT_PERMALINK);
  const permalinkError = permalinkProblem(permalink);
  if (permalinkError) at(["permalink"], `${permalinkError} in \`permalink: ${permalink}\``, "e.g. /blog/:year/:title/ (the default) or /:categories/:year/:month/:day/:title:output_ext");
  // al-folio writes paths with or without the leading slash.
  const faviconRaw = text_("favicon", "");
  const favicon = !faviconRaw || /^https?:\/\//.test(faviconRaw) ? faviconRaw : `/${faviconRaw.replace(/^\/+/, "")}`;
  const citationStyle = raw["citation_style"] === undefined ? undefined : text_("citation_style", DISTILL_STYLE);
  if (citationStyle !== undefined && citationStyle !== DISTILL_STYLE && !loadStyle(citationStyle)) {
    at(["citation_style"], `unknown citation style \`${citationStyle}\``, `use ${DISTILL_STYLE}, ${NAMED_STYLES.join(", ")} or another id of the CSL style repository`);
  }

  const site: SiteConfig = {
    title: text_("title", "My research blog"),
    description: text_("description", ""),
    url,
    author: text_("author", ""),
    timezone,
    perPage: int("per_page", 5),
    archivePerPage: int("archive_per_page", 50),
    feedItems: int("feed_items", 20),
    nav: nav.length ? nav : [{ title: "blog", url: "/blog/" }],
    footer: text_("footer", ""),
    ...(giscus ? { giscus } : {}),
    ...(disqusShortname ? { disqusShortname } : {}),
    ...(permalink !== DEFAULT_PERMALINK && !permalinkError ? { permalink } : {}),
    ...(raw["twitter_widgets"] === true ? { twitterWidgets: true } : {}),
    ...(favicon ? { favicon } : {}),
    ...(citationStyle && citationStyle !== DISTILL_STYLE && loadStyle(citationStyle) ? { citationStyle } : {}),
  };
  return { site, problems };
}
