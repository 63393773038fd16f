/**
 * The per-post step of the build: one post file in, its problems and its
 * prepared record (body with fragment placeholders, fragments, styled
 * citations) out. It depends only on the file's text, on site.yml and the
 * bibliographies (the cache's epoch, see build-cache.ts) and on what it asks
 * through `StepLookups` (which assets exist, their text, other posts' URLs),
 * so its result can be cached by content hash between builds.
 *
 * Every error of the file is found in one pass: a front matter that fails
 * validation does not stop the body from being rendered and checked.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostMeta, PostRecord, SiteConfig } from "../../src/content/types.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { parsePostFileName } from "../../src/content/urls.ts";
import { resolveToc, unresolvedToc } from "../../src/content/toc.ts";
import { parseFrontMatterFile } from "./front-matter-file.ts";
import { withStylesHash } from "./style-hash.ts";
import { renderPost } from "./render-post.ts";
import { liquidPage, type liquidSite } from "./liquid-scope.ts";
import type { BibProblem, ParsedBibliography } from "./bibtex.ts";
import { citationStyleOf, styledBibliography } from "./post-bibliography.ts";

/** What a post may ask about the rest of the content folder; a cache records the answers. */
export interface StepLookups {
  assetExists(path: string): boolean;
  readAsset?(path: string): string | undefined;
  /** `{% post_url NAME %}`: the site path of another post. */
  postUrl(name: string): string | undefined;
}

/** Where step results are kept between builds (build-cache.ts); `NO_CACHE` keeps nothing. */
export interface StepCache {
  get(file: string, text: string, lookups: StepLookups): PostStepResult | undefined;
  run(file: string, text: string, lookups: StepLookups, step: (lookups: StepLookups) => PostStepResult): PostStepResult;
  /** Problems of bibliography `name`, from `parse` or kept from an earlier build. */
  bibliographyProblems(name: string, parse: () => BibProblem[]): BibProblem[];
}

export const NO_CACHE: StepCache = {
  get: () => undefined,
  run: (_file, _text, lookups, step) => step(lookups),
  bibliographyProblems: (_name, parse) => parse(),
};

export interface PostStepContext {
  site: SiteConfig;
  /** site.yml as Liquid's `site`. */
  liquidSite: ReturnType<typeof liquidSite>;
  /** File names in `assets/bibliography/`. */
  bibliographies: readonly string[];
  /** A bibliography file, parsed (its own problems are reported once, by the caller). */
  readBibliography(name: string): ParsedBibliography;
  lookups: StepLookups;
}

/** What the step makes of one post file. JSON-serialisable (it is cached). */
export interface PostStepResult {
  problems: ContentError[];
  /** Validated front matter, when it validates (even if the body has errors: other posts need the path). */
  meta: PostMeta | null;
  /** The post as published; null when the file has errors. */
  post: PostRecord | null;
  /** The BibTeX entries the post cites, by key, styled (the page stores only these). */
  cited?: Bibliography;
  /** Keys the body cites from its bibliography, found or not (for the .bib's own problems). */
  citedKeys?: string[];
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
  // `date:` does not hide an unknown citation key (and unreadable YAML does not invent one).
  const data = split.data && typeof split.data === "object" ? (split.data as Record<string, unknown>) : null;
  const bibName = meta ? meta.bibliography : typeof data?.["bibliography"] === "string" ? data["bibliography"] : undefined;
  if (meta?.bibliography && !ctx.bibliographies.includes(meta.bibliography)) {
    problems.push({ file, ...split.locate(["bibliography"]), message: `bibliography \`${meta.bibliography}\` not found`, hint: `put it at content/assets/bibliography/${meta.bibliography}`, severity: "error" });
  }
  if (meta?.giscusComments && !ctx.site.giscus) {
    problems.push({ file, ...split.locate(["giscus_comments"]), message: "`giscus_comments: true` but site.yml has no `giscus` settings: no comments are shown", hint: "add giscus: {repo, repo_id, category, category_id} to site.yml", severity: "warning" });
  }

  const parsedBib = bibName && ctx.bibliographies.includes(bibName) ? ctx.readBibliography(bibName) : undefined;
  const bibliography = parsedBib?.entries;
  const style = meta ? citationStyleOf(meta, ctx.site, file, split.locate) : undefined;
  if (style?.problem) problems.push(style.problem);
  let rendered;
  try {
    const { lookups } = ctx;
    rendered = renderPost(split.body, {
      assetExists: (p) => lookups.assetExists(p),
      ...(lookups.readAsset ? { readAsset: (p: string) => lookups.readAsset!(p) } : {}),
      postUrl: (n) => lookups.postUrl(n),
      // Without valid front matter, Liquid's `page` has what the YAML gave.
      page: meta ? liquidPage(meta, split.data) : (data ?? {}),
      site: ctx.liquidSite,
      ...((meta ? meta.layout : data?.["layout"]) === "distill" ? { footnotes: "distill" as const } : {}),
      ...(bibliography ? { bibliography } : {}),
    });
  } catch (err) {
    problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
    return { problems, meta, post: null };
  }
  const { doc } = rendered;
  const citedKeys = meta?.bibliography ? { citedKeys: doc.citations } : {};
  for (const p of doc.problems) {
    // Unreadable YAML: which .bib the post meant is unknown, so its keys cannot be judged.
    if (!data && p.message.startsWith("unknown citation key")) continue;
    // Body lines count from the body's first line; the file's from its first.
    problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
  }
  if (!meta || problems.some((p) => p.severity === "error")) return { problems, meta, post: null, ...citedKeys };

  for (const entry of meta.toc ? unresolvedToc(resolveToc(meta.toc, doc.headings)) : []) {
    problems.push({ file, ...split.locate(["toc"]), message: `toc entry \`${entry}\` matches no heading, so its link goes nowhere`, hint: "make the toc name match the heading text", severity: "warning" });
  }
  // The stored post is the prepared body: Liquid never runs in the worker.
  const post: PostRecord = { meta: withStylesHash(meta), body: rendered.body, fragments: rendered.fragments, sourceFile: file, bodyLine: split.bodyLine };
  if (rendered.embeds.length) post.embeds = rendered.embeds;
  // The page stores only the entries it cites: the worker never reads the .bib.
  const cited = parsedBib && style && doc.citations.length ? styledBibliography(parsedBib, doc.citations, style.id) : undefined;
  return { problems, meta, post, ...citedKeys, ...(cited ? { cited } : {}) };
}
