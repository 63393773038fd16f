/**
 * The per-post step of the build: one post file in, its problems and its
 * prepared record (body with fragment placeholders, fragments, styled
 * citations, related publications) out. It depends only on the file's text,
 * on site.yml and the bibliographies, the site-wide one included (the cache's
 * epoch, see build-cache.ts), on the engine's code, and on what it asks
 * through `StepLookups` (which assets exist, their text, picture sizes, other
 * posts' URLs), so its result can be cached by content hash between builds.
 * Checks across posts (duplicate addresses, colliding tag slugs) stay in
 * build-site.ts, which runs them on every build over cached and fresh results.
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
import { citationStyleOf, scholarCitedEntries, styledBibliography } from "./post-bibliography.ts";
import type { ImageSize } from "./image-sizes.ts";
import { postRenderOptions, renderMarkdown } from "../../src/markdown/pipeline.ts";
import { pictureUrl } from "./post-image.ts";
import { scholarSession, usesScholarTags } from "./scholar.ts";
import { pageRenderers } from "./render/renderers.ts";
import { DIAGRAMS, diagramLibraries } from "../../src/content/diagrams.ts";
import { bodyProblems, bodyText, overBudget } from "./body-checks.ts";
import { storedForm, type StoredDocument } from "../../src/markdown/stored-document.ts";

/** What a post may ask about the rest of the content folder; a cache records the answers. */
export interface StepLookups {
  assetExists(path: string): boolean;
  readAsset?(path: string): string | undefined;
  /** `{% post_url NAME %}`: the site path of another post. */
  postUrl(name: string): string | undefined;
  /** Pixel size of a picture under `assets/` (read from the file at build time). */
  imageSize?(path: string): ImageSize | undefined;
}

/** Where the site-wide bibliography of jekyll-scholar tags is cited from, in `citedKeys`. */
export const SITE_BIBLIOGRAPHY_KEY = "_bibliography/papers.bib";

/** Where step results are kept between builds (build-cache.ts); `NO_CACHE` keeps nothing. */
export interface StepCache {
  /** `hash`: full hex SHA-256 of the post file's text. */
  get(file: string, hash: string, lookups: StepLookups): PostStepResult | undefined;
  run(file: string, hash: string, lookups: StepLookups, step: (lookups: StepLookups) => PostStepResult): PostStepResult;
  /** Problems of bibliography `name`, from `parse` or kept from an earlier build. */
  bibliographyProblems(name: string, parse: () => BibProblem[]): BibProblem[];
}

export const NO_CACHE: StepCache = {
  get: () => undefined,
  run: (_file, _hash, lookups, step) => step(lookups),
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
  /** `_bibliography/papers.bib`, parsed, if the site has one (its problems too are reported by the caller). */
  readSiteBibliography(): ParsedBibliography | undefined;
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
  /** The body as the post's page blob stores it, rendered (src/markdown/stored-document.ts): cached with the step. */
  doc?: StoredDocument;
  /**
   * Keys the body cites, found or not, by the bibliography they are looked up in
   * (its file name, or SITE_BIBLIOGRAPHY_KEY): for each .bib's own problems. A
   * bibliography the post reads is listed even if nothing of it is cited.
   */
  citedKeys?: Record<string, string[]>;
  /** Where each tag and category is written in the front matter, for the warnings build-site.ts makes across posts. */
  labelsAt?: { tags: Position[]; categories: Position[] };
}

interface Position {
  line: number;
  col: number;
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
    const validated = validateFrontMatter({
      data: split.data, file, fileDate: parsedName.date, slug: parsedName.slug, timeZone: ctx.site.timezone, locate: split.locate,
      ...(ctx.site.permalink ? { permalink: ctx.site.permalink } : {}),
    });
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

  if (meta?.disqusComments && !ctx.site.disqusShortname) {
    problems.push({ file, ...split.locate(["disqus_comments"]), message: "`disqus_comments: true` but site.yml has no Disqus shortname: no comments are shown", hint: "add disqus_shortname: NAME to site.yml (NAME as in NAME.disqus.com)", severity: "warning" });
  }
  const { lookups } = ctx;
  const thumbnail = meta?.thumbnail && pictureUrl(meta.thumbnail);
  if (meta?.thumbnail && (!thumbnail || (thumbnail.startsWith("/") && !lookups.assetExists(thumbnail.slice(1))))) {
    problems.push({ file, ...split.locate(["thumbnail"]), message: `thumbnail \`${meta.thumbnail}\` is not a file under assets/ nor an http(s) URL: the cards show no picture`, hint: "write it as assets/img/NAME.jpg, relative to the content folder", severity: "warning" });
    delete meta.thumbnail; // no broken picture on cards and link previews
  }
  const labelsAt = meta ? { labelsAt: { tags: meta.tags.map((_, i) => split.locate(["tags", i])), categories: meta.categories.map((_, i) => split.locate(["categories", i])) } } : {};
  // Limits and unclosed raw HTML, before any parser sees the body.
  const checked = bodyProblems(split.body);
  for (const p of checked) problems.push({ file, ...p, line: p.line + split.bodyLine - 1 });
  if (checked.some((p) => p.severity === "error")) return { problems, meta, post: null, ...labelsAt };
  const body = bodyText(split.body);

  const parsedBib = bibName && ctx.bibliographies.includes(bibName) ? ctx.readBibliography(bibName) : undefined;
  const bibliography = parsedBib?.entries;
  const style = meta ? citationStyleOf(meta, ctx.site, file, split.locate) : undefined;
  if (style?.problem) problems.push(style.problem);
  const siteBib = usesScholarTags(body) ? ctx.readSiteBibliography() : undefined;
  const scholar = usesScholarTags(body) ? scholarSession([parsedBib, siteBib].filter((b) => b !== undefined), style?.id) : undefined;
  // The entries the page stores, styled, made in the render once the body's citation order is known:
  // the render then is the stored document (one render of the body, not a second with these entries).
  let cited: Bibliography | undefined;
  const citedEntries = (order: readonly string[]): Bibliography => {
    // Works cited with jekyll-scholar tags too (their Highwire citation tags), besides the body's <d-cite>s.
    const scholarEntries = scholar ? scholarCitedEntries([parsedBib, siteBib], scholar.cited()) : {};
    cited =
      (parsedBib && style && order.length) || Object.keys(scholarEntries).length
        ? { ...scholarEntries, ...(parsedBib && style ? styledBibliography(parsedBib, order, style.id) : {}) }
        : undefined;
    return cited ?? {};
  };
  let rendered;
  try {
    // Wall time as a first filter: it bounds this thread's CPU time from above and costs
    // nothing, where process.cpuUsage() is a system call (twice per post, ~5 % of a build).
    // Only a post over budget by it is measured again, in CPU time (overBudget).
    const started = performance.now();
    rendered = renderPost(body, {
      ...(scholar ? { scholar } : {}),
      assetExists: (p) => lookups.assetExists(p),
      ...(lookups.readAsset ? { readAsset: (p: string) => lookups.readAsset!(p) } : {}),
      ...(lookups.imageSize ? { imageSize: (p: string) => lookups.imageSize!(p) } : {}),
      postUrl: (n) => lookups.postUrl(n),
      // Without valid front matter, Liquid's `page` has what the YAML gave.
      page: meta ? liquidPage(meta, split.data) : (data ?? {}),
      site: ctx.liquidSite,
      ...((meta ? meta.layout : data?.["layout"]) === "distill" ? { footnotes: "distill" as const } : {}),
      // Tables filled from a data file read it through the lookups too (recorded by the cache).
      renderers: pageRenderers(lookups.readAsset ? (p: string) => lookups.readAsset!(p) : undefined, meta?.extras ?? data ?? {}),
      ...(bibliography ? { bibliography } : {}),
      citedEntries,
    });
    // The budget is the worker's render of the stored body; the build's time (Liquid included) bounds it from above.
    if (meta) {
      const stored = { meta, body: rendered.body, fragments: rendered.fragments, sourceFile: file, bodyLine: split.bodyLine };
      const slow = overBudget(performance.now() - started, () => renderMarkdown(stored.body, { ...postRenderOptions(stored), ...(bibliography ? { bibliography } : {}) }));
      if (slow) rendered.doc.problems.push(slow);
    }
  } catch (err) {
    problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
    return { problems, meta, post: null, ...labelsAt };
  }
  const { doc } = rendered;
  // Keys cited from each bibliography the post reads (scholar tags look in both).
  const cites: Record<string, string[]> = {};
  const ownBib = meta?.bibliography && parsedBib ? meta.bibliography : undefined;
  if (ownBib) cites[ownBib] = [...doc.citations];
  if (siteBib) cites[SITE_BIBLIOGRAPHY_KEY] = [];
  for (const key of scholar?.cited() ?? []) for (const name of [ownBib, siteBib ? SITE_BIBLIOGRAPHY_KEY : undefined]) if (name) cites[name]!.push(key);
  const citedKeys = Object.keys(cites).length ? { citedKeys: cites } : {};
  for (const p of doc.problems) {
    // Unreadable YAML: which .bib the post meant is unknown, so its keys cannot be judged.
    if (!data && p.message.startsWith("unknown citation key")) continue;
    // Body lines count from the body's first line; the file's from its first.
    problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
  }
  if (!meta || problems.some((p) => p.severity === "error")) return { problems, meta, post: null, ...citedKeys, ...labelsAt };

  const drawn = diagramLibraries(meta.extras, doc.diagrams.map((d) => d.lang));
  for (const d of doc.diagrams.filter((d) => drawn.missing.includes(d.lang))) {
    problems.push({ file, line: d.line + split.bodyLine - 1, col: 1, message: `\`${d.lang}\` fence, but its library is not enabled: the source is shown as code`, hint: `add \`${DIAGRAMS[d.lang]!.flag}\` to the front matter`, severity: "warning" });
  }
  for (const entry of meta.toc ? unresolvedToc(resolveToc(meta.toc, doc.headings)) : []) {
    problems.push({ file, ...split.locate(["toc"]), message: `toc entry \`${entry}\` matches no heading, so its link goes nowhere`, hint: "make the toc name match the heading text", severity: "warning" });
  }
  // The stored post is the prepared body: Liquid never runs in the worker.
  const post: PostRecord = { meta: withStylesHash(meta), body: rendered.body, fragments: rendered.fragments, sourceFile: file, bodyLine: split.bodyLine };
  if (rendered.embeds.length) post.embeds = rendered.embeds;
  // al-folio's `related_publications: true`: the works the post cites with jekyll-scholar, listed after it.
  const publications = meta.extras["related_publications"] === true ? scholar?.relatedPublications() : undefined;
  if (publications) post.publications = publications;
  // The page stores only the entries it cites (`cited`): the worker never reads the .bib. The render
  // had the worker's inputs (body, fragments, footnote style, those entries) and, with the embeds
  // found after it (`zoom`), is the stored document.
  const stored = storedForm({ ...doc, embeds: [...(post.embeds ?? [])] });
  return { problems, meta, post, doc: stored, ...citedKeys, ...labelsAt, ...(cited ? { cited } : {}) };
}
