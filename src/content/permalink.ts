/**
 * Post URLs from a Jekyll permalink (site.yml `permalink:`, or a post's own
 * `permalink:` front matter), so a migrated site keeps every address.
 * Default: al-folio's `/blog/:year/:title/`.
 *
 * Placeholders follow Jekyll's (https://jekyllrb.com/docs/permalinks/):
 * dates in the site's time zone (`:year`, `:short_year`, `:month`, `:i_month`,
 * `:short_month`, `:long_month`, `:day`, `:i_day`, `:y_day`, `:week`,
 * `:w_year`, `:w_day`, `:short_day`, `:long_day`, `:hour`, `:minute`,
 * `:second`), the file name's title (`:title` as written, `:slug`
 * slugified), `:categories` (lowercased, joined by `/`; none → the segment
 * disappears), `:slugified_categories`, and `:output_ext` (`.html`). Jekyll's
 * built-in styles `date`, `pretty`, `ordinal`, `weekdate` and `none` are
 * accepted by name.
 *
 * @example expandPermalink("/:categories/:year/:month/:day/:title.html", post) // "/ml/2024/01/03/x.html"
 */
import { slugify } from "./slug.ts";

export const DEFAULT_PERMALINK = "/blog/:year/:title/";

/** Jekyll's named styles. */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

/** What a post's URL is made from. */
export interface PermalinkPost {
  /** ISO 8601 in the site's time zone, as PostMeta.date: `2024-01-03T16:40:00+01:00`. */
  date: string;
  /** The file name's title (`2024-01-03-My-Post.md` → `My-Post`). */
  slug: string;
  categories: readonly string[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PLACEHOLDER = /:([a-z_]+)/g;

type Fields = Record<string, string>;

function dateFields(iso: string): Fields {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  // Calendar arithmetic on the wall-clock date, in UTC so no zone shifts it.
  const day = new Date(Date.UTC(y, m - 1, d));
  const yDay = Math.round((day.getTime() - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  const weekday = day.getUTCDay();
  // ISO 8601 week: the week holding the year's first Thursday is week 1.
  const thursday = new Date(day.getTime() + (3 - ((weekday + 6) % 7)) * 86_400_000);
  const wYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(wYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return {
    year: pad(y, 4), short_year: pad(y % 100), month: pad(m), i_month: String(m),
    short_month: MONTHS[m - 1]!.slice(0, 3), long_month: MONTHS[m - 1]!,
    day: pad(d), i_day: String(d), y_day: pad(yDay, 3),
    week: pad(week), w_year: String(wYear), w_day: String(weekday === 0 ? 7 : weekday),
    short_day: DAYS[weekday]!.slice(0, 3), long_day: DAYS[weekday]!,
    hour: iso.slice(11, 13) || "00", minute: iso.slice(14, 16) || "00", second: iso.slice(17, 19) || "00",
  };
}

const KNOWN = new Set([...Object.keys(dateFields("2000-01-01T00:00:00Z")), "title", "slug", "categories", "slugified_categories", "output_ext"]);

/**
 * The pattern a `permalink:` value stands for (a style name, or the pattern
 * itself), ending in `/` unless its last segment names a file (a literal
 * extension or `:output_ext`): every page of this site ends in a slash.
 */
export function permalinkPattern(value: string): string {
  const pattern = PERMALINK_STYLES[value] ?? value;
  const last = pattern.slice(pattern.lastIndexOf("/") + 1);
  const isFile = last.replace(PLACEHOLDER, (whole, name: string) => (name === "output_ext" ? ".html" : "")).includes(".");
  return last === "" || isFile ? pattern : pattern + "/";
}

/** Why a permalink pattern cannot be used, or null when it can. */
export function permalinkProblem(value: string): string | null {
  const pattern = permalinkPattern(value);
  if (!pattern.startsWith("/")) return "a permalink starts with `/`";
  if (/[?#\\\s]/.test(pattern)) return "a permalink is a path: no spaces, `?`, `#` or `\\`";
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(m[1]!)) return `unknown placeholder \`:${m[1]}\``;
  }
  if (!/:(title|slug)\b/.test(pattern)) return "a permalink needs `:title` or `:slug`, so every post gets its own address";
  return null;
}

/**
 * The site path of a post under `value` (a checked pattern or style name).
 * Empty placeholders collapse (`//` → `/`, as Jekyll does).
 */
export function expandPermalink(value: string, post: PermalinkPost): string {
  // Each field made only if the pattern names it (the build expands one pattern per post; slugs cost).
  let dates: Fields | undefined;
  const field = (name: string): string | undefined => {
    switch (name) {
      case "title": return post.slug;
      case "slug": return slugify(post.slug);
      case "categories": return [...new Set(post.categories.map((c) => c.toLowerCase()))].join("/");
      case "slugified_categories": return [...new Set(post.categories.map(slugify))].join("/");
      case "output_ext": return ".html";
      default: return (dates ??= dateFields(post.date))[name];
    }
  };
  const path = permalinkPattern(value).replace(PLACEHOLDER, (whole, name: string) => field(name) ?? whole);
  return path.replace(/\/{2,}/g, "/");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A RegExp that matches every path `expandPermalink(value, …)` can give (the
 * worker's post route: paths it cannot match 404 without reading a route).
 * `:categories` spans any number of segments, none included.
 */
export function permalinkMatcher(value: string): RegExp {
  const pattern = permalinkPattern(value);
  let source = "";
  let at = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(pattern.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[1]!;
    if (name === "categories" || name === "slugified_categories") {
      // Empty categories collapse `/:categories/` into one `/`.
      if (pattern[at] === "/") {
        source += "(?:[^?#]+/)?";
        at++;
      } else source += "[^?#]*";
    } else if (name === "output_ext") source += "\\.html";
    else source += "[^/]+";
  }
  source += escapeRegExp(pattern.slice(at));
  return new RegExp(`^${source}$`);
}
