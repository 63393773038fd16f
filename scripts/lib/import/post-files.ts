/**
 * What the import changes in a Jekyll post file so edgefolio builds it, and
 * nothing else: the body and every other front-matter line stay byte for byte.
 * - a layout edgefolio does not have (`default`, `page`, a theme's `single`)
 *   becomes `post`, with a note (edgefolio's layouts are `post` and `distill`);
 * - a draft (`_drafts/NAME.md`, no date in its name) becomes
 *   `posts/DATE-NAME.md` with `published: false`, so `npm run build -- --drafts`
 *   shows it and a normal build leaves it out, as `jekyll build` does without
 *   `--drafts`. DATE is its front-matter `date:`, else the file's modification
 *   day, which is the date Jekyll gives a draft.
 */
import type { ContentError } from "../../../src/content/error.ts";
import { parseFrontMatterFile } from "../front-matter-file.ts";

/** Layouts edgefolio renders (src/content/front-matter.ts). */
const LAYOUTS = new Set(["post", "distill"]);
const FENCE = /^---[ \t]*$/;
const TOP_LEVEL_LAYOUT = /^layout:[ \t]*(.*?)[ \t]*(#.*)?$/;
const POST_NAME = /^\d{4}-\d{1,2}-\d{1,2}-.+\.(?:md|markdown)$/;

/** A Markdown post name Jekyll reads from `_posts/` (`2024-01-03-title.md`). */
export const isPostFileName = (name: string): boolean => POST_NAME.test(name);

/** The text split into lines and the index of the closing fence, or null when the file has no front matter. */
export function frontMatterLines(text: string): { lines: string[]; end: number } | null {
  const lines = text.split("\n");
  if (!FENCE.test((lines[0] ?? "").replace(/^\uFEFF/, "").replace(/\r$/, ""))) return null;
  const end = lines.findIndex((l, i) => i > 0 && (FENCE.test(l.replace(/\r$/, "")) || /^\.\.\.[ \t]*\r?$/.test(l)));
  return end < 0 ? null : { lines, end };
}

/**
 * A post's text with an unknown `layout:` replaced by `post`.
 *
 * @param file - the source path, for the note's location
 * @returns the text (unchanged when nothing needed changing) and a warning per change
 */
export function adaptPost(text: string, file: string): { text: string; notes: ContentError[] } {
  const fm = frontMatterLines(text);
  if (!fm) return { text, notes: [] };
  for (let i = 1; i < fm.end; i++) {
    const line = fm.lines[i]!.replace(/\r$/, "");
    const m = TOP_LEVEL_LAYOUT.exec(line);
    if (!m) continue;
    const layout = m[1]!.replace(/^(["'])(.*)\1$/, "$2");
    if (layout === "" || LAYOUTS.has(layout)) return { text, notes: [] };
    const lines = [...fm.lines];
    lines[i] = lines[i]!.replace(/^layout:[ \t]*[^#\r]*?(?=[ \t]*(#|\r?$))/, "layout: post");
    return {
      text: lines.join("\n"),
      notes: [{ file, line: i + 1, col: line.indexOf(m[1]!, 7) + 1, severity: "warning", message: `layout \`${layout}\` → \`post\`: edgefolio's layouts are post and distill`, hint: "a layout's own markup (from _layouts/) is not imported" }],
    };
  }
  return { text, notes: [] };
}

/**
 * A draft as an unpublished post.
 *
 * @param name - the draft's file name (`idea.md`, or already dated)
 * @param modified - the file's modification time, the draft's date when its front matter has none
 * @returns the post's file name and text, or null and a note when the file has no front matter (Jekyll copies such a file as is rather than rendering it)
 */
export function draftAsPost(name: string, text: string, file: string, modified: Date): { name: string; text: string; notes: ContentError[] } | { name: null; notes: ContentError[] } {
  const fm = frontMatterLines(text);
  if (!fm) return { name: null, notes: [{ file, line: 1, col: 1, severity: "warning", message: "a draft without front matter is not a post: not imported" }] };
  const { data } = parseFrontMatterFile(text, file);
  const record = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const dated = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(record["date"] instanceof Date ? record["date"].toISOString() : String(record["date"] ?? ""));
  const day = dated ? `${dated[1]}-${dated[2]!.padStart(2, "0")}-${dated[3]!.padStart(2, "0")}` : modified.toISOString().slice(0, 10);
  const postName = isPostFileName(name) ? name : `${day}-${name.replace(/\.markdown$/, ".md")}`;
  const adapted = adaptPost(text, file);
  const lines = adapted.text.split("\n");
  const notes = [...adapted.notes];
  if (record["published"] === undefined) lines.splice(1, 0, "published: false");
  else if (record["published"] !== false) notes.push({ file, line: 1, col: 1, severity: "warning", message: "this draft says `published:` itself: kept as written, so it may be listed" });
  return { name: postName, text: lines.join("\n"), notes };
}

/** `site.*` keys every post sees whatever site.yml holds (scripts/lib/liquid-scope.ts). */
const ENGINE_SITE_KEYS = ["title", "description", "url", "baseurl", "time"];
const LIQUID_SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Notes for `site.KEY` read by a post's Liquid where KEY is not in the
 * imported site.yml: Jekyll read it from `_config.yml`, edgefolio's post gets
 * nothing (an undefined `{{ }}` renders empty, with a build warning). One
 * note per key and file, at its first use; `site.data.*` (from `_data/`) too.
 *
 * @param siteKeys - the keys written to site.yml
 */
export function missingSiteKeys(text: string, file: string, siteKeys: readonly string[]): ContentError[] {
  const known = new Set([...ENGINE_SITE_KEYS, ...siteKeys]);
  const seen = new Set<string>();
  const notes: ContentError[] = [];
  for (const span of text.matchAll(LIQUID_SPAN)) {
    for (const ref of span[0].matchAll(/\bsite\.([A-Za-z_][\w-]*)/g)) {
      const key = ref[1]!;
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      const offset = span.index + ref.index;
      const before = text.slice(0, offset);
      const line = before.split("\n").length;
      const col = offset - before.lastIndexOf("\n");
      notes.push(key === "data"
        ? { file, line, col, severity: "warning", message: "`site.data` is not imported (_data/): this reads nothing", hint: "write the value into the post" }
        : { file, line, col, severity: "warning", message: `\`site.${key}\` is not in the imported site.yml: it renders empty`, hint: `add \`${key}: …\` to site.yml (every key there is site.${key} in posts)` });
    }
  }
  return notes;
}
