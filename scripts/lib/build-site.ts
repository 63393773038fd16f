/**
 * The build, minus the file system and the upload: content files in, a
 * validated bundle (or located problems) out. Every post is rendered once
 * with the worker's own pipeline, so a post that builds is a post that renders.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostRecord, SiteConfig } from "../../src/content/types.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { parsePostFileName } from "../../src/content/urls.ts";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import { makeBundle, type Bundle } from "../../src/store/bundle.ts";
import { parseFrontMatterFile } from "./front-matter-file.ts";
import { parseSiteConfig } from "./site-config.ts";
import { sitePages } from "./site-pages.ts";
import { bibliographyProblems, parseBibliography, type ParsedBibliography } from "./bibtex.ts";
import { pictureUrl } from "./post-image.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { ClientLibrary } from "../../src/store/types.ts";
import { citationStyleOf, styledBibliography } from "./post-bibliography.ts";
import { resolveToc, unresolvedToc } from "../../src/content/toc.ts";
import { pageRenderers } from "./render/renderers.ts";
import type { Fragments } from "../../src/markdown/fragments.ts";
import { withStylesHash } from "./style-hash.ts";

export interface SourceFile {
  /** As shown in messages: `content/posts/2024-01-03-x.md`. */
  file: string;
  text: string;
}

export interface ContentSource {
  site: SourceFile | null;
  posts: SourceFile[];
  /** File names in `assets/bibliography/`. */
  bibliographies: string[];
  /** Their text, by file name (absent: no post can cite). */
  bibliographyFiles?: Record<string, SourceFile>;
  /** Paths of everything under `assets/`, relative to the content folder (`assets/img/x.jpg`). */
  assets: string[];
  /** Text of a file under assets/ (`assets/json/x.json`), for build-time fragments; undefined when absent. */
  readAsset?: (path: string) => string | undefined;
  /** The engine stylesheet's public path (content-hashed). */
  stylesheet: string;
  /** Client libraries' public paths by name (see client-assets.ts). */
  libraries?: Record<string, ClientLibrary>;
}

export interface BuildOptions {
  /** Include `published: false` and future-dated posts (local previews). */
  drafts?: boolean;
  now?: Date;
}

export interface BuildResult {
  bundle: Bundle | null;
  problems: ContentError[];
  site: SiteConfig;
  /** Posts that will be listed (after drafts and future posts are left out). */
  published: PostRecord[];
}

const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export async function buildSite(source: ContentSource, options: BuildOptions = {}): Promise<BuildResult> {
  const problems: ContentError[] = [];
  const siteFile = source.site ?? { file: "content/site.yml", text: "" };
  const { site, problems: siteProblems } = parseSiteConfig(siteFile.text, siteFile.file);
  problems.push(...siteProblems);
  if (!source.site) problems.push({ file: siteFile.file, line: 0, col: 0, message: "no site.yml: using defaults", hint: "create content/site.yml with title, description and url", severity: "warning" });

  const posts: PostRecord[] = [];
  const cited = new Map<string, Bibliography>();
  const bibCache = new Map<string, ParsedBibliography>();
  // Lowercased keys cited from each .bib: an error in an entry nobody cites is only a warning.
  const citedKeys = new Map<string, Set<string>>();
  const readBibliography = (name: string): ParsedBibliography => {
    let parsed = bibCache.get(name);
    if (!parsed) {
      const bib = source.bibliographyFiles?.[name];
      parsed = bib ? parseBibliography(bib.text, bib.file) : { entries: {}, csl: {}, broken: new Set(), problems: [] };
      bibCache.set(name, parsed);
      citedKeys.set(name, new Set());
    }
    return parsed;
  };
  const assets = new Set(source.assets);
  const byPath = new Map<string, string>();
  for (const { file, text } of source.posts) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const parsedName = parsePostFileName(name);
    if (!parsedName) {
      problems.push({ file, line: 0, col: 0, message: "post file name has no date", hint: "name posts YYYY-MM-DD-slug.md, as in al-folio's _posts/", severity: "error" });
      continue;
    }
    if (!SLUG_RE.test(parsedName.slug)) {
      problems.push({ file, line: 0, col: 0, message: `\`${parsedName.slug}\` cannot be used in a URL`, hint: "use letters, digits, `-`, `_` and `.` after the date", severity: "error" });
      continue;
    }
    const split = parseFrontMatterFile(text, file);
    problems.push(...split.problems);
    if (split.problems.some((p) => p.severity === "error")) continue;
    const { meta, problems: fmProblems } = validateFrontMatter({
      data: split.data, file, fileDate: parsedName.date, slug: parsedName.slug, timeZone: site.timezone, locate: split.locate,
      ...(site.permalink ? { permalink: site.permalink } : {}),
    });
    problems.push(...fmProblems);
    if (!meta) continue;

    if (meta.bibliography && !source.bibliographies.includes(meta.bibliography)) {
      problems.push({ file, ...split.locate(["bibliography"]), message: `bibliography \`${meta.bibliography}\` not found`, hint: `put it at content/assets/bibliography/${meta.bibliography}`, severity: "error" });
    }
    const other = byPath.get(meta.path);
    if (other) {
      problems.push({ file, line: 0, col: 0, message: `${meta.path} is also the address of ${other}`, hint: "give one of them another file name (the site's permalink makes the address from it)", severity: "error" });
      continue;
    }
    byPath.set(meta.path, file);

    if (meta.giscusComments && !site.giscus) {
      problems.push({ file, ...split.locate(["giscus_comments"]), message: "`giscus_comments: true` but site.yml has no `giscus` settings: no comments are shown", hint: "add giscus: {repo, repo_id, category, category_id} to site.yml", severity: "warning" });
    }

    if (meta.disqusComments && !site.disqusShortname) {
      problems.push({ file, ...split.locate(["disqus_comments"]), message: "`disqus_comments: true` but site.yml has no Disqus shortname: no comments are shown", hint: "add disqus_shortname: NAME to site.yml (NAME as in NAME.disqus.com)", severity: "warning" });
    }
    const thumbnail = meta.thumbnail && pictureUrl(meta.thumbnail);
    if (meta.thumbnail && (!thumbnail || (thumbnail.startsWith("/") && !assets.has(thumbnail.slice(1))))) {
      problems.push({ file, ...split.locate(["thumbnail"]), message: `thumbnail \`${meta.thumbnail}\` is not a file under assets/ nor an http(s) URL: the cards show no picture`, hint: "write it as assets/img/NAME.jpg, relative to the content folder", severity: "warning" });
      delete meta.thumbnail; // no broken picture on cards and link previews
    }

    const post: PostRecord = { meta: withStylesHash(meta), body: split.body, sourceFile: file, bodyLine: split.bodyLine };
    const parsedBib = meta.bibliography && source.bibliographies.includes(meta.bibliography) ? readBibliography(meta.bibliography) : undefined;
    const bibliography = parsedBib?.entries;
    const style = citationStyleOf(meta, site, file, split.locate);
    if (style.problem) problems.push(style.problem);
    let doc;
    // Math and highlighted code are made here once and stored with the post (see src/markdown/fragments.ts).
    const fragments: Fragments = {};
    try {
      doc = renderMarkdown(post.body, { assetExists: (p) => assets.has(p), fragments, renderers: pageRenderers(source.readAsset), ...(bibliography ? { bibliography } : {}) });
    } catch (err) {
      problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
      continue;
    }
    if (meta.bibliography) for (const key of doc.citations) citedKeys.get(meta.bibliography)?.add(key.toLowerCase());
    // Body lines count from the body's first line; the file's from its first.
    for (const p of doc.problems) problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
    if (doc.problems.some((p) => p.severity === "error")) continue;
    if (Object.keys(fragments).length) post.fragments = { ...post.fragments, ...fragments };
    for (const name of meta.toc ? unresolvedToc(resolveToc(meta.toc, doc.headings)) : []) {
      problems.push({ file, ...split.locate(["toc"]), message: `toc entry \`${name}\` matches no heading, so its link goes nowhere`, hint: "make the toc name match the heading text", severity: "warning" });
    }
    // The page stores only the entries it cites: the worker never reads the .bib.
    if (parsedBib && doc.citations.length) cited.set(meta.path, styledBibliography(parsedBib, doc.citations, style.id));
    posts.push(post);
  }

  for (const [name, parsed] of bibCache) problems.push(...bibliographyProblems(parsed.problems, citedKeys.get(name) ?? new Set()));

  const now = (options.now ?? new Date()).getTime();
  const published = posts.filter((p) => options.drafts || (p.meta.published && Date.parse(p.meta.date) <= now));
  if (problems.some((p) => p.severity === "error")) return { bundle: null, problems, site, published };

  const bundle = await makeBundle(sitePages(published, site, cited), {
    builtAt: new Date(now).toISOString(),
    site,
    stylesheet: source.stylesheet,
    posts: published.length,
    ...(source.libraries ? { libraries: source.libraries } : {}),
  });
  return { bundle, problems, site, published };
}
