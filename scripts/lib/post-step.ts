/**
 * The per-post step of the build: one post file in, its problems and its
 * prepared record out. Depends only on the file's text and on `PostStepContext`
 * (site.yml, the bibliographies, which assets exist), so its result can be
 * cached by content hash between builds (see build-cache.ts).
 *
 * Every error of the file is found in one pass: a front matter that fails
 * validation does not stop the body from being rendered and checked.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostMeta, PostRecord, SiteConfig } from "../../src/content/types.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { parsePostFileName } from "../../src/content/urls.ts";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import { resolveToc, unresolvedToc } from "../../src/content/toc.ts";
import { parseFrontMatterFile } from "./front-matter-file.ts";
import { withStylesHash } from "./style-hash.ts";

/**
 * Where step results are kept between builds (build-cache.ts); `NO_CACHE` keeps nothing.
 * `assetExists` is passed through so a cache can record which assets a result depends on.
 */
export interface StepCache {
  get(file: string, text: string, assetExists: (path: string) => boolean): PostStepResult | undefined;
  run(file: string, text: string, assetExists: (path: string) => boolean, step: (assetExists: (path: string) => boolean) => PostStepResult): PostStepResult;
  /** Problems of bibliography `name`, from `parse` or kept from an earlier build. */
  bibliographyProblems(name: string, parse: () => ContentError[]): ContentError[];
}

export const NO_CACHE: StepCache = {
  get: () => undefined,
  run: (_file, _text, assetExists, step) => step(assetExists),
  bibliographyProblems: (_name, parse) => parse(),
};

export interface PostStepContext {
  site: SiteConfig;
  /** File names in `assets/bibliography/`. */
  bibliographies: readonly string[];
  /** The parsed entries of a bibliography file (its own problems are reported once, by the caller). */
  readBibliography(name: string): Bibliography;
  /** Whether `assets/…` exists in the content folder. */
  assetExists(path: string): boolean;
}

/** What the step makes of one post file. JSON-serialisable (it is cached). */
export interface PostStepResult {
  problems: ContentError[];
  /** Validated front matter, when it validates (even if the body has errors: other posts need the path). */
  meta: PostMeta | null;
  /** The post as published; null when the file has errors. */
  post: PostRecord | null;
  /** The BibTeX entries the post cites, by key (the page stores only these). */
  cited?: Bibliography;
}

const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function postStep(file: string, text: string, ctx: PostStepContext): PostStepResult {
  const problems: ContentError[] = [];
  const failed = (): PostStepResult => ({ problems, meta: null, post: null });
  const name = file.slice(file.lastIndexOf("/") + 1);
  const parsedName = parsePostFileName(name);
  if (!parsedName) {
    problems.push({ file, line: 0, col: 0, message: "post file name has no date", hint: "name posts YYYY-MM-DD-slug.md, as in al-folio's _posts/", severity: "error" });
    return failed();
  }
  if (!SLUG_RE.test(parsedName.slug)) {
    problems.push({ file, line: 0, col: 0, message: `\`${parsedName.slug}\` cannot be used in a URL`, hint: "use letters, digits, `-`, `_` and `.` after the date", severity: "error" });
    return failed();
  }
  const split = parseFrontMatterFile(text, file);
  problems.push(...split.problems);
  // Without its fences there is no telling front matter from body: nothing more to check.
  if (!split.fenced) return failed();

  let meta: PostMeta | null = null;
  if (!split.problems.some((p) => p.severity === "error")) {
    const validated = validateFrontMatter({ data: split.data, file, fileDate: parsedName.date, slug: parsedName.slug, timeZone: ctx.site.timezone, locate: split.locate });
    problems.push(...validated.problems);
    meta = validated.meta;
  }

  // The bibliography the body cites from: the validated one, else the raw value, so a bad
  // `date:` does not hide an unknown citation key (and does not invent one either).
  const raw = split.data && typeof split.data === "object" ? (split.data as Record<string, unknown>)["bibliography"] : undefined;
  const bibName = meta ? meta.bibliography : typeof raw === "string" ? raw : undefined;
  const bibKnown = meta !== null || split.data !== null;
  if (meta?.bibliography && !ctx.bibliographies.includes(meta.bibliography)) {
    problems.push({ file, ...split.locate(["bibliography"]), message: `bibliography \`${meta.bibliography}\` not found`, hint: `put it at content/assets/bibliography/${meta.bibliography}`, severity: "error" });
  }
  if (meta?.giscusComments && !ctx.site.giscus) {
    problems.push({ file, ...split.locate(["giscus_comments"]), message: "`giscus_comments: true` but site.yml has no `giscus` settings: no comments are shown", hint: "add giscus: {repo, repo_id, category, category_id} to site.yml", severity: "warning" });
  }

  const bibliography = bibName && ctx.bibliographies.includes(bibName) ? ctx.readBibliography(bibName) : undefined;
  let doc;
  try {
    doc = renderMarkdown(split.body, { assetExists: (p) => ctx.assetExists(p), ...(bibliography ? { bibliography } : {}) });
  } catch (err) {
    problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
    return { problems, meta, post: null };
  }
  for (const p of doc.problems) {
    // Unreadable YAML: which .bib the post meant is unknown, so its keys cannot be judged.
    if (!bibKnown && p.message.startsWith("unknown citation key")) continue;
    // Body lines count from the body's first line; the file's from its first.
    problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
  }
  if (!meta || problems.some((p) => p.severity === "error")) return { problems, meta, post: null };

  for (const entry of meta.toc ? unresolvedToc(resolveToc(meta.toc, doc.headings)) : []) {
    problems.push({ file, ...split.locate(["toc"]), message: `toc entry \`${entry}\` matches no heading, so its link goes nowhere`, hint: "make the toc name match the heading text", severity: "warning" });
  }
  const post: PostRecord = { meta: withStylesHash(meta), body: split.body, sourceFile: file, bodyLine: split.bodyLine };
  // The page stores only the entries it cites: the worker never reads the .bib.
  const cited = bibliography && doc.citations.length ? Object.fromEntries(doc.citations.map((k) => [k, bibliography[k]!])) : undefined;
  return { problems, meta, post, ...(cited ? { cited } : {}) };
}
