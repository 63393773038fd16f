/**
 * Validation of al-folio post front matter. Knows every key al-folio's posts
 * use; a known key with a wrong type is an error at its line, an unknown key
 * is a warning (sites carry their own keys, Jekyll ignores them).
 */
import type { ContentError } from "./error.ts";
import type { Affiliation, Author, Layout, PostMeta, Toc, TocEntry } from "./types.ts";
import { parsePostDate } from "./dates.ts";
import { postPath } from "./urls.ts";
import { cssForStyleElement } from "../escape/index.ts";
import { dateMismatch, redirectProblem, valueProblems, withoutControlsDeep } from "./front-matter-checks.ts";

/** A YAML path (`["authors", 0, "name"]`) → where it is in the file. */
export type Locate = (path: readonly (string | number)[], part?: "key" | "value") => { line: number; col: number };

export interface FrontMatterInput {
  data: unknown;
  file: string;
  /** From the file name: `2024-01-03` and `december-2023-in-ml`. */
  fileDate: string;
  slug: string;
  timeZone: string;
  locate: Locate;
  /** The site's `permalink` (checked by the site config); default al-folio's. */
  permalink?: string;
}

const LAYOUTS: readonly Layout[] = ["post", "distill"];
/** `images:` keys al-folio knows (see src/views/post-libraries.ts for the library each loads). */
const IMAGE_KEYS = ["compare", "slider", "lightbox2", "photoswipe", "spotlight", "venobox"];

/** Keys the engine understands now or passes through for al-folio features to come. */
const KNOWN_KEYS = new Set([
  "layout", "title", "description", "date", "last_updated", "last_modified_at", "tags", "categories",
  "authors", "toc", "bibliography", "_styles", "giscus_comments", "disqus_comments", "featured",
  "published", "related_posts", "thumbnail", "redirect", "permalink",
  // al-folio feature switches, kept in `extras` for the features that read them.
  "chart", "mermaid", "tikzjax", "typograms", "pseudocode", "code_diff", "map", "images", "tabs",
  "pretty_table", "related_publications", "citation", "math", "jupyter", "external-source",
  // Citations (issue 11): a post's CSL style, and what "Cite this post" shows.
  "citation_style", "doi", "license",
]);

type Result = { meta: PostMeta | null; problems: ContentError[] };

/** Validate and normalise one post's front matter. */

/** The hint for a date that does not parse: a well-formed day that does not exist (2026-13-45, 2025-02-29) says so. */
function dateHint(text: string, shape: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  if (!m) return shape;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${month}: the form is YYYY-MM-DD (year, month, day)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${m[1]}-${String(month).padStart(2, "0")} has ${days} days: check the day`;
  return shape;
}

export function validateFrontMatter(input: FrontMatterInput): Result {
  const { data, file, locate } = input;
  const problems: ContentError[] = [];
  const at = (path: readonly (string | number)[], message: string, hint?: string, severity: ContentError["severity"] = "error", part: "key" | "value" = "value") => {
    const { line, col } = locate(path, part);
    problems.push({ file, line, col, message, severity, ...(hint ? { hint } : {}) });
  };

  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    at([], "front matter must be a YAML mapping (key: value lines between the two `---`)");
    return { meta: null, problems };
  }
  for (const p of valueProblems(data)) at(p.path, p.message, p.hint, p.severity, p.part);
  const fm = withoutControlsDeep(data) as Record<string, unknown>;

  for (const key of Object.keys(fm)) {
    if (!KNOWN_KEYS.has(key)) at([key], `unknown front-matter key \`${key}\` is ignored`, "check its spelling against al-folio's keys", "warning", "key");
  }

  const str = (key: string, required: boolean): string | undefined => {
    const v = fm[key];
    if (v === undefined || v === null) {
      if (required) at([], `missing \`${key}\``, `add \`${key}: …\` to the front matter`);
      return undefined;
    }
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    at([key], `\`${key}\` must be text, not ${describe(v)}`);
    return undefined;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = fm[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === "boolean") return v;
    at([key], `\`${key}\` must be true or false, not ${describe(v)}`);
    return fallback;
  };

  const layoutText = str("layout", false) ?? "post";
  let layout: Layout = "post";
  if ((LAYOUTS as readonly string[]).includes(layoutText)) layout = layoutText as Layout;
  else at(["layout"], `unknown layout \`${layoutText}\``, `use one of: ${LAYOUTS.join(", ")}`);

  const title = str("title", true) ?? "";
  const description = str("description", false) ?? "";

  const dateText = str("date", false) ?? input.fileDate;
  const date = parsePostDate(dateText, input.timeZone);
  if (!date) at(fm["date"] === undefined ? [] : ["date"], `invalid date \`${dateText}\``, dateHint(dateText, "write it as YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +0100"));
  const mismatch = fm["date"] === undefined || !date ? null : dateMismatch(dateText, input.fileDate);
  if (mismatch) at(["date"], mismatch, "rename the file or change the date, so both say the same day", "warning");

  let lastModified: string | undefined;
  for (const key of ["last_updated", "last_modified_at"]) {
    const text = str(key, false);
    if (text === undefined) continue;
    const parsed = parsePostDate(text, input.timeZone);
    if (parsed) lastModified = parsed.iso;
    else at([key], `invalid date \`${text}\``, dateHint(text, "write it as YYYY-MM-DD"));
  }

  const styles = str("_styles", false);
  if (styles !== undefined && cssForStyleElement(styles) === null) {
    at(["_styles"], "`_styles` contains `</style`, which would end the style element early", "remove the closing tag; `_styles` holds CSS only");
  }

  const extras: Record<string, unknown> = {};
  for (const key of ["chart", "mermaid", "tikzjax", "typograms", "pseudocode", "code_diff", "map", "images", "tabs", "pretty_table", "related_publications", "citation", "math", "jupyter", "citation_style", "doi", "license"]) {
    if (fm[key] !== undefined) extras[key] = fm[key];
  }

  // al-folio's image components and galleries: a misspelt one would silently load nothing.
  const images = fm["images"];
  if (images && typeof images === "object" && !Array.isArray(images)) {
    for (const key of Object.keys(images)) {
      if (!IMAGE_KEYS.includes(key)) at(["images", key], `unknown \`images\` component \`${key}\` is ignored`, `use ${IMAGE_KEYS.join(", ")}`, "warning", "key");
    }
  } else if (images !== undefined && images !== null) at(["images"], "`images` must be a mapping like {slider: true}", undefined, "warning");

  if (fm["permalink"] !== undefined && fm["permalink"] !== null) {
    at(["permalink"], "a post's own `permalink` is not supported: the site's `permalink` (site.yml) gives its address", "remove it, or set `permalink:` in site.yml for every post", "warning", "key");
  }

  const bibliography = str("bibliography", false);
  const thumbnail = str("thumbnail", false);
  const redirect = str("redirect", false);
  const badRedirect = redirect === undefined ? null : redirectProblem(redirect);
  if (badRedirect) at(["redirect"], badRedirect, "write `redirect: /blog/2024/new-post/` or `redirect: https://example.org/page`");
  const toc = readToc(fm["toc"], at);
  const categories = readWords(fm, "categories", at);
  const meta: PostMeta = {
    slug: input.slug,
    path: postPath({ date: date?.iso ?? `${input.fileDate}T00:00:00Z`, slug: input.slug, categories }, input.permalink),
    layout,
    title,
    description,
    date: date?.iso ?? "",
    year: date?.year ?? input.fileDate.slice(0, 4),
    tags: readWords(fm, "tags", at),
    categories,
    authors: readAuthors(fm["authors"], at),
    giscusComments: bool("giscus_comments", false),
    featured: bool("featured", false),
    published: bool("published", true),
    relatedPosts: bool("related_posts", true),
    extras,
    ...(lastModified ? { lastModified } : {}),
    ...(toc ? { toc } : {}),
    ...(bibliography ? { bibliography } : {}),
    ...(styles !== undefined ? { styles } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    ...(redirect ? { redirect } : {}),
    ...(bool("disqus_comments", false) ? { disqusComments: true } : {}),
  };
  return { meta: problems.some((p) => p.severity === "error") ? null : meta, problems };
}

type At = (path: readonly (string | number)[], message: string, hint?: string) => void;

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "empty";
  return typeof v === "object" ? "a mapping" : `${typeof v} \`${String(v)}\``;
}

/** Tags and categories: a space-separated string (Jekyll's rule) or a YAML list. */
function readWords(fm: Record<string, unknown>, key: string, at: At): string[] {
  const v = fm[key];
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return v.split(/\s+/).filter(Boolean);
  if (typeof v === "number") return [String(v)];
  if (Array.isArray(v)) {
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item === "string" || typeof item === "number") out.push(String(item).trim());
      else at([key, i], `each of \`${key}\` must be text, not ${describe(item)}`);
    });
    return out.filter(Boolean);
  }
  at([key], `\`${key}\` must be a list or space-separated words, not ${describe(v)}`);
  return [];
}

function readAffiliations(v: unknown, path: (string | number)[], at: At): Affiliation[] {
  if (v === undefined || v === null) return [];
  // al-folio documents one mapping; a list of mappings (or plain names) is accepted too.
  const list = Array.isArray(v) ? v : [v];
  const out: Affiliation[] = [];
  list.forEach((item, i) => {
    const p = Array.isArray(v) ? [...path, i] : path;
    if (typeof item === "string") out.push({ name: item });
    else if (item && typeof item === "object" && typeof (item as Affiliation).name === "string") {
      const a = item as Record<string, unknown>;
      out.push({ name: String(a["name"]), ...(typeof a["url"] === "string" && a["url"] ? { url: a["url"] } : {}) });
    } else at(p, "an affiliation needs a `name`", "write `affiliations: {name: …, url: …}`");
  });
  return out;
}

function readAuthors(v: unknown, at: At): Author[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    at(["authors"], "`authors` must be a list", "write each author as `- name: …`");
    return [];
  }
  const out: Author[] = [];
  v.forEach((item, i) => {
    if (typeof item === "string") {
      out.push({ name: item, affiliations: [] });
      return;
    }
    const a = item as Record<string, unknown> | null;
    if (!a || typeof a !== "object" || typeof a["name"] !== "string") {
      at(["authors", i], "an author needs a `name`", "write `- name: Ada Lovelace`");
      return;
    }
    out.push({
      name: a["name"],
      ...(typeof a["url"] === "string" && a["url"] ? { url: a["url"] } : {}),
      affiliations: readAffiliations(a["affiliations"], ["authors", i, "affiliations"], at),
    });
  });
  return out;
}

function readTocEntries(v: unknown, path: (string | number)[], at: At): TocEntry[] {
  if (!Array.isArray(v)) {
    at(path, "a toc must be a list of `- name: …` entries");
    return [];
  }
  const out: TocEntry[] = [];
  v.forEach((item, i) => {
    const e = item as Record<string, unknown> | null;
    if (typeof item === "string") out.push({ name: item, subsections: [] });
    else if (e && typeof e === "object" && (typeof e["name"] === "string" || typeof e["name"] === "number")) {
      const subs = e["subsections"];
      out.push({ name: String(e["name"]), subsections: subs == null ? [] : readTocEntries(subs, [...path, i, "subsections"], at) });
    } else at([...path, i], "a toc entry needs a `name`");
  });
  return out;
}

function readToc(v: unknown, at: At): Toc | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (v === true) return { kind: "auto" };
  if (Array.isArray(v)) return { kind: "list", entries: readTocEntries(v, ["toc"], at) };
  if (typeof v === "object") {
    // al-folio: `toc: {sidebar: left}` or `toc: {beginning: true}` → generated from headings.
    const { sidebar, beginning } = v as Record<string, unknown>;
    if (sidebar !== undefined && sidebar !== "left" && sidebar !== "right") at(["toc", "sidebar"], `\`toc.sidebar\` must be left or right, not ${describe(sidebar)}`);
    if (beginning !== undefined && typeof beginning !== "boolean") at(["toc", "beginning"], `\`toc.beginning\` must be true or false, not ${describe(beginning)}`);
    return {
      kind: "auto",
      ...(sidebar === "left" || sidebar === "right" ? { sidebar } : {}),
      ...(beginning === true ? { beginning } : {}),
    };
  }
  at(["toc"], "`toc` must be a list of sections, true, {beginning: true} or {sidebar: left}");
  return undefined;
}
