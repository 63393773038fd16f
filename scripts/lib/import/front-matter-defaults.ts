/**
 * Jekyll's front-matter defaults (`defaults:` in `_config.yml`,
 * https://jekyllrb.com/docs/configuration/front-matter-defaults/), applied by
 * the import to the posts and drafts they cover, since edgefolio's build reads
 * each post's own front matter only.
 *
 * A scope is `{path, type}`: `path` is a folder of the site ("" or absent:
 * every file; `*` matches within one path segment), `type` is a collection
 * (`posts`, `drafts`; absent: any). Where scopes overlap, the one with the
 * longer path wins, then the later one, and a post's own key always wins
 * (Jekyll merges nested hashes deeply; here a post's top-level key wins whole,
 * noted where it hides a default hash).
 */
import { stringify } from "yaml";
import type { ContentError } from "../../../src/content/error.ts";
import { parseFrontMatterFile } from "../front-matter-file.ts";
import { frontMatterLines } from "./post-files.ts";

/** One `defaults:` entry, as `_config.yml` gives it. */
export interface FrontMatterDefault {
  /** Site-relative folder or glob, no leading `/`; "" covers everything. */
  path: string;
  type?: string;
  values: Record<string, unknown>;
  /** Its position in `defaults:`, for order and messages. */
  index: number;
}

/** The kinds of file the import copies. */
export type ImportedKind = "posts" | "drafts";

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * Read `defaults:`; entries that are not `{scope?, values}` hashes are reported
 * through `skip(index, reason)` and left out.
 */
export function readFrontMatterDefaults(raw: unknown, skip: (index: number, reason: string) => void): FrontMatterDefault[] {
  if (!Array.isArray(raw)) return [];
  const out: FrontMatterDefault[] = [];
  raw.forEach((entry, index) => {
    if (!isRecord(entry) || !isRecord(entry["values"])) return skip(index, "an entry needs `values:` (a hash of front-matter keys)");
    const scope = isRecord(entry["scope"]) ? entry["scope"] : {};
    const path = typeof scope["path"] === "string" ? scope["path"].replace(/^\/+|\/+$/g, "") : "";
    const type = typeof scope["type"] === "string" && scope["type"] ? scope["type"] : undefined;
    out.push({ path, ...(type ? { type } : {}), values: entry["values"], index });
  });
  return out;
}

/** Whether a scope path covers a site-relative file path (`_posts/2024/x.md`). */
function pathCovers(scopePath: string, file: string): boolean {
  if (!scopePath) return true;
  const pattern = new RegExp(`^${scopePath.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}(?:/|$)`);
  return pattern.test(file);
}

/**
 * The defaults that apply to one imported file, merged (longer path, then
 * later entry, wins).
 *
 * @param file - the file's path in the Jekyll site (`_posts/2024-01-03-x.md`)
 */
export function defaultsFor(entries: readonly FrontMatterDefault[], kind: ImportedKind, file: string): Record<string, unknown> {
  const applying = entries
    .filter((e) => (e.type === undefined || e.type === kind) && pathCovers(e.path, file))
    .sort((a, b) => a.path.length - b.path.length || a.index - b.index);
  return Object.assign({}, ...applying.map((e) => e.values)) as Record<string, unknown>;
}

/**
 * A post's text with the default keys it lacks added at the end of its front
 * matter (the body and its own lines stay byte for byte).
 *
 * @returns the text, the keys added, and a note where a post's own hash hides a default hash
 */
export function applyFrontMatterDefaults(text: string, file: string, defaults: Record<string, unknown>): { text: string; added: string[]; notes: ContentError[] } {
  const keys = Object.keys(defaults);
  if (!keys.length) return { text, added: [], notes: [] };
  const fm = frontMatterLines(text);
  if (!fm) return { text, added: [], notes: [] };
  const { lines, end } = fm;
  const { data } = parseFrontMatterFile(text, file);
  const own = isRecord(data) ? data : {};
  const missing = Object.fromEntries(keys.filter((k) => !Object.hasOwn(own, k)).map((k) => [k, defaults[k]]));
  const notes: ContentError[] = keys
    .filter((k) => Object.hasOwn(own, k) && isRecord(own[k]) && isRecord(defaults[k]))
    .map((k) => ({ file, line: 1 + lines.slice(1, end).findIndex((l) => l.startsWith(`${k}:`)) + 1, col: 1, severity: "warning" as const, message: `\`${k}\` here replaces the whole \`${k}\` of _config.yml's defaults (Jekyll would merge the two)`, hint: `copy the default \`${k}\` keys you want into this post's \`${k}\`` }));
  const added = Object.keys(missing);
  if (!added.length) return { text, added, notes };
  const eol = lines[end]!.endsWith("\r") ? "\r" : "";
  const block = ["# from _config.yml defaults (npm run import)", ...stringify(missing).trimEnd().split("\n")].map((l) => l + eol);
  return { text: [...lines.slice(0, end), ...block, ...lines.slice(end)].join("\n"), added, notes };
}
