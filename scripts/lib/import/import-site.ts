/**
 * `npm run import`: copy a Jekyll (al-folio or plain) site into edgefolio's
 * content layout (README "Content"):
 *
 * | Jekyll site                          | content folder                      |
 * | ------------------------------------ | ----------------------------------- |
 * | `_config.yml`                        | `site.yml` (config-map.ts)          |
 * | `_posts/**` (`DATE-title.md`)        | `posts/**`                          |
 * | `_drafts/*.md`                       | `posts/DATE-NAME.md`, unpublished   |
 * | `assets/**`                          | `assets/**`                         |
 * | `_bibliography/papers.bib` (scholar) | `_bibliography/papers.bib`          |
 *
 * Everything else (pages, layouts, includes, plugins, data, Sass, files
 * Jekyll would run through Liquid) is reported, one located note per item,
 * with the reason it is left out, as is each `site.KEY` a post reads that
 * the new site.yml lacks. Nothing is written when there is an error
 * (no such site, a broken `_config.yml`, a non-empty output folder without
 * `force`).
 */
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { stringify } from "yaml";
import type { ContentError } from "../../../src/content/error.ts";
import { DEFAULT_PERMALINK } from "../../../src/content/permalink.ts";
import { ENGINE_ASSET_DIR, SITE_BIBLIOGRAPHY } from "../load-content.ts";
import { parseFrontMatterFile } from "../front-matter-file.ts";
import { mapJekyllConfig, type BlogPageSettings } from "./config-map.ts";
import { adaptPost, draftAsPost, isPostFileName, missingSiteKeys } from "./post-files.ts";
import { applyFrontMatterDefaults, defaultsFor, type ImportedKind } from "./front-matter-defaults.ts";

export interface ImportOptions {
  /** The Jekyll site's root folder (the one holding `_config.yml` and `_posts/`). */
  source: string;
  /** The content folder to write (default of the CLI: `content`). */
  out: string;
  /** Replace what the import writes (`site.yml`, `posts/`, `assets/`, `_bibliography/`) in a non-empty `out`. */
  force?: boolean;
}

export interface ImportReport {
  /** Errors (nothing written) and warnings (what was left out and why), located. */
  notes: ContentError[];
  /** `_config.yml key → site.yml key` lines. */
  mapped: string[];
  /** `_config.yml` keys that were off or empty. */
  ignoredEmpty: string[];
  counts: { posts: number; drafts: number; assets: number; bibliography: number };
  written: boolean;
}

/** Workers Static Assets serve files up to this size. */
const MAX_ASSET_BYTES = 25 * 1024 * 1024;
/** What the import owns in the output folder (removed first under `force`). */
const OUTPUTS = ["site.yml", "posts", "assets", "_bibliography"];

/** Why a top-level folder of a Jekyll site is not imported. */
const LEFT_OUT_FOLDERS: Readonly<Record<string, string>> = {
  _pages: "edgefolio serves the blog only (al-folio's about, publications, projects, CV pages are not imported)",
  _layouts: "edgefolio has its own post and distill layouts",
  _includes: "al-folio's figure, video and audio includes are built in; another include stops the build at file:line",
  _plugins: "Ruby plugins do not run; a tag or filter one adds stops the build at file:line",
  _sass: "edgefolio has its own stylesheet",
  _data: "edgefolio has no `site.data`",
  _scripts: "edgefolio ships its own scripts",
  _site: "Jekyll's output",
};

const toPosix = (p: string) => p.split(sep).join("/");
/** How a path appears in messages: relative to the working directory when it is below it, else absolute. */
const display = (abs: string) => {
  const rel = toPosix(relative(process.cwd(), abs));
  return rel && !rel.startsWith("../") ? rel : toPosix(abs);
};

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

const isDir = async (p: string) => (await stat(p).catch(() => null))?.isDirectory() ?? false;
const readText = (p: string) => readFile(p, "utf8").catch(() => null);

/** `per_page` of al-folio's blog page (`_pages/blog.md` front matter: `pagination: {per_page: 5}`). */
async function blogPageSettings(source: string): Promise<BlogPageSettings> {
  for (const name of ["_pages/blog.md", "_pages/blog.markdown", "blog/index.md", "blog/index.html", "index.html", "index.md"]) {
    const text = await readText(join(source, name));
    if (!text) continue;
    const { data } = parseFrontMatterFile(text, name);
    const pagination = (data as { pagination?: { per_page?: unknown } } | null)?.pagination;
    if (typeof pagination?.per_page === "number" && Number.isInteger(pagination.per_page) && pagination.per_page > 0) return { perPage: pagination.per_page };
  }
  return {};
}

/** Whether a file starts with YAML front matter (Jekyll renders it through Liquid instead of copying it). */
async function hasFrontMatter(path: string): Promise<boolean> {
  const handle = await readFile(path).catch(() => null);
  return !!handle && /^(\uFEFF)?---[ \t]*\r?\n/.test(handle.subarray(0, 8).toString("utf8"));
}

type Planned = { from: string; to: string } | { text: string; to: string };

/**
 * Import a Jekyll site into a content folder.
 *
 * @returns what was mapped, counted and left out; `written` is false when an error stopped it (the output folder is then untouched)
 */
export async function importJekyllSite(options: ImportOptions): Promise<ImportReport> {
  const source = resolve(options.source);
  const out = resolve(options.out);
  const report: ImportReport = { notes: [], mapped: [], ignoredEmpty: [], counts: { posts: 0, drafts: 0, assets: 0, bibliography: 0 }, written: false };
  const { notes } = report;
  const fail = (file: string, message: string, hint?: string) => notes.push({ file, line: 0, col: 0, message, severity: "error", ...(hint ? { hint } : {}) });
  const leftOut = (abs: string, message: string, hint?: string, line = 0) => notes.push({ file: display(abs), line, col: line ? 1 : 0, message, severity: "warning", ...(hint ? { hint } : {}) });

  const configFile = join(source, "_config.yml");
  const configText = await readText(configFile);
  if (!(await isDir(source))) {
    fail(display(source), "no such folder", "give the Jekyll site's root folder (the one with _config.yml and _posts/)");
    return report;
  }
  if (configText === null && !(await isDir(join(source, "_posts")))) {
    fail(display(source), "not a Jekyll site: no _config.yml and no _posts/", "give the Jekyll site's root folder");
    return report;
  }
  const inside = (a: string, b: string) => a === b || a.startsWith(b + sep);
  if (["", "_posts", "_drafts", "assets", "_bibliography"].some((d) => (d ? inside(out, join(source, d)) : out === source)) || inside(source, out)) {
    fail(display(out), "the output folder overlaps the site being imported", "write to a folder outside the Jekyll site, e.g. --out content");
    return report;
  }
  const existing = await readdir(out).catch(() => null);
  if (existing && existing.filter((n) => !n.startsWith(".")).length > 0 && !options.force) {
    fail(display(out), "the output folder is not empty: nothing written", "choose another --out, or add --force to replace its site.yml, posts/, assets/ and _bibliography/");
    return report;
  }

  const planned: Planned[] = [];
  // Without _config.yml there is nothing to map, and nothing to locate notes in: the engine's defaults,
  // whose permalink is al-folio's (what a folder of al-folio posts expects), one note on the folder.
  const config = mapJekyllConfig(configText ?? "", display(configFile), await blogPageSettings(source));
  if (configText === null) {
    // Keep only what the blog page said (its per_page), not Jekyll's `date` permalink nor a "no url" note.
    config.site = Object.fromEntries(Object.entries(config.site).filter(([k]) => k === "per_page"));
    config.notes = [];
    config.mapped = config.mapped.filter((m) => !m.includes("permalink"));
    leftOut(
      source,
      `no _config.yml: site.yml holds the engine's defaults, and posts are served at al-folio's ${DEFAULT_PERMALINK} (a Jekyll site without _config.yml used /:categories/:year/:month/:day/:title.html)`,
      "edit site.yml: title, url, author; add `permalink: date` to keep a plain Jekyll site's URLs",
    );
  }
  notes.push(...config.notes);
  if (notes.some((n) => n.severity === "error")) return report;
  report.mapped = config.mapped;
  report.ignoredEmpty = config.ignoredEmpty;
  planned.push({ to: "site.yml", text: `# Imported from ${configText === null ? `${display(source)} (it has no _config.yml: the engine's defaults)` : display(configFile)} by npm run import; see README "Content" for the keys.\n${stringify(config.site)}` });

  // `_config.yml` defaults go into each covered file's front matter first, so a default `layout:` is adapted too.
  const withDefaults = (text: string, abs: string, kind: ImportedKind): string => {
    const applied = applyFrontMatterDefaults(text, display(abs), defaultsFor(config.frontMatterDefaults, kind, toPosix(relative(source, abs))));
    notes.push(...applied.notes);
    return applied.text;
  };

  // Posts: Markdown files with a dated name, in any subfolder of _posts/.
  for (const abs of await walk(join(source, "_posts"))) {
    const rel = toPosix(relative(join(source, "_posts"), abs));
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    if (!isPostFileName(name)) {
      leftOut(abs, /\.(html|textile|liquid)$/.test(name) ? "not a Markdown post: not imported" : "not a post name (YYYY-MM-DD-title.md): Jekyll skips it too");
      continue;
    }
    const text = withDefaults(await readFile(abs, "utf8"), abs, "posts");
    const adapted = adaptPost(text, display(abs));
    notes.push(...adapted.notes, ...missingSiteKeys(text, display(abs), Object.keys(config.site)));
    planned.push({ to: `posts/${rel}`, text: adapted.text });
    report.counts.posts++;
  }
  for (const abs of await walk(join(source, "_drafts"))) {
    const name = abs.slice(abs.lastIndexOf(sep) + 1);
    if (!/\.(md|markdown)$/.test(name)) {
      leftOut(abs, "not a Markdown draft: not imported");
      continue;
    }
    const text = withDefaults(await readFile(abs, "utf8"), abs, "drafts");
    const draft = draftAsPost(name, text, display(abs), (await stat(abs)).mtime);
    notes.push(...draft.notes, ...(draft.name === null ? [] : missingSiteKeys(text, display(abs), Object.keys(config.site))));
    if (draft.name === null) continue;
    planned.push({ to: `posts/${draft.name}`, text: draft.text });
    report.counts.drafts++;
  }
  if (report.counts.posts + report.counts.drafts === 0) leftOut(join(source, "_posts"), "no posts found", "posts are _posts/YYYY-MM-DD-title.md");

  // Assets as files, except what Jekyll itself would have processed.
  const sassSkipped: string[] = [];
  for (const abs of await walk(join(source, "assets"))) {
    const rel = toPosix(relative(source, abs));
    if (/\.(scss|sass)$/.test(rel)) sassSkipped.push(rel);
    else if (rel.startsWith(`${ENGINE_ASSET_DIR}/`)) leftOut(abs, `${ENGINE_ASSET_DIR}/ holds the engine's own files: not imported`, "move it to another folder under assets/");
    else if ((await stat(abs)).size > MAX_ASSET_BYTES) leftOut(abs, "larger than 25 MiB, the most Workers Static Assets serve: not imported", "host it elsewhere and link to it");
    else if (await hasFrontMatter(abs)) leftOut(abs, "Jekyll runs this file through Liquid (it has front matter): not imported", "edgefolio serves assets as they are; al-folio's own CSS/JS are not needed");
    else {
      planned.push({ from: abs, to: rel });
      report.counts.assets++;
    }
  }
  if (sassSkipped.length) leftOut(join(source, sassSkipped[0]!), `${sassSkipped.length} Sass file(s) not imported: edgefolio has its own stylesheet`);

  // The site-wide jekyll-scholar bibliography.
  const bibDir = join(source, "_bibliography");
  for (const abs of await walk(bibDir)) {
    const rel = toPosix(relative(bibDir, abs));
    if (rel === config.scholarBibliography) {
      planned.push({ from: abs, to: SITE_BIBLIOGRAPHY });
      report.counts.bibliography++;
    } else leftOut(abs, `only jekyll-scholar's bibliography (${config.scholarBibliography}) is read: not imported`, "a post's own .bib goes under assets/bibliography/ and is named by its `bibliography:` front matter");
  }

  // Folders a Jekyll site has beyond the blog.
  for (const entry of (await readdir(source, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const reason = LEFT_OUT_FOLDERS[entry.name];
    if (reason) leftOut(join(source, entry.name), `not imported: ${reason}`);
    else if (entry.name.startsWith("_") && !["_posts", "_drafts", "_bibliography"].includes(entry.name)) leftOut(join(source, entry.name), "a collection or folder edgefolio has no pages for: not imported");
  }

  if (options.force) for (const name of OUTPUTS) await rm(join(out, name), { recursive: true, force: true });
  for (const item of planned) {
    const target = join(out, item.to);
    await mkdir(dirname(target), { recursive: true });
    if ("from" in item) await copyFile(item.from, target);
    else await writeFile(target, item.text);
  }
  report.written = true;
  return report;
}
