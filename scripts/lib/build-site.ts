/**
 * The build, minus the file system and the upload: content files in, a
 * validated bundle (or located problems) out. Every post is rendered once
 * with the worker's own pipeline, so a post that builds is a post that renders.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostRecord, SiteConfig } from "../../src/content/types.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { parsePostFileName } from "../../src/content/urls.ts";
import { renderPost } from "./render-post.ts";
import { liquidPage, liquidSite, postUrlsByName } from "./liquid-scope.ts";
import { makeBundle, type Bundle } from "../../src/store/bundle.ts";
import type { EngineFiles } from "../../src/store/types.ts";
import { parseFrontMatterFile, parseYamlFile } from "./front-matter-file.ts";
import { parseSiteConfig } from "./site-config.ts";
import { sitePages } from "./site-pages.ts";
import { bibliographyProblems, parseBibliography, type ParsedBibliography } from "./bibtex.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import { citationStyleOf, styledBibliography } from "./post-bibliography.ts";
import { resolveToc, unresolvedToc } from "../../src/content/toc.ts";
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
  /** Text of a file under the content folder (`assets/jupyter/x.ipynb`), for Liquid tags that read one. */
  readAsset?: (path: string) => string | undefined;
  /** The engine stylesheet's public path (content-hashed). */
  stylesheet: string;
  /** The engine scripts' public paths (content-hashed); absent: pages load no engine script. */
  engineFiles?: EngineFiles;
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
  // `{% post_url %}` by file name; the year from the file name (front matter may differ, rarely).
  const postUrls = postUrlsByName(source.posts.map((p) => p.file));
  const liquidSiteData = liquidSite(site, source.site ? parseYamlFile(source.site.text, source.site.file).data : undefined);
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
    });
    problems.push(...fmProblems);
    if (!meta) continue;

    if (meta.bibliography && !source.bibliographies.includes(meta.bibliography)) {
      problems.push({ file, ...split.locate(["bibliography"]), message: `bibliography \`${meta.bibliography}\` not found`, hint: `put it at content/assets/bibliography/${meta.bibliography}`, severity: "error" });
    }
    const other = byPath.get(meta.path);
    if (other) {
      problems.push({ file, line: 0, col: 0, message: `${meta.path} is also the address of ${other}`, hint: "two posts of the same year need different slugs", severity: "error" });
      continue;
    }
    byPath.set(meta.path, file);

    if (meta.giscusComments && !site.giscus) {
      problems.push({ file, ...split.locate(["giscus_comments"]), message: "`giscus_comments: true` but site.yml has no `giscus` settings: no comments are shown", hint: "add giscus: {repo, repo_id, category, category_id} to site.yml", severity: "warning" });
    }

    const post: PostRecord = { meta: withStylesHash(meta), body: split.body, sourceFile: file, bodyLine: split.bodyLine };
    const parsedBib = meta.bibliography && source.bibliographies.includes(meta.bibliography) ? readBibliography(meta.bibliography) : undefined;
    const bibliography = parsedBib?.entries;
    const style = citationStyleOf(meta, site, file, split.locate);
    if (style.problem) problems.push(style.problem);
    let doc;
    try {
      const rendered = renderPost(post.body, {
        assetExists: (p) => assets.has(p),
        ...(source.readAsset ? { readAsset: source.readAsset } : {}),
        postUrl: (name) => postUrls.get(name),
        page: liquidPage(meta, split.data),
        site: liquidSiteData,
        ...(meta.layout === "distill" ? { footnotes: "distill" as const } : {}),
        ...(bibliography ? { bibliography } : {}),
      });
      // The stored post is the prepared body: Liquid never runs in the worker.
      post.body = rendered.body;
      post.fragments = rendered.fragments;
      if (rendered.embeds.length) post.embeds = rendered.embeds;
      doc = rendered.doc;
    } catch (err) {
      problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
      continue;
    }
    if (meta.bibliography) for (const key of doc.citations) citedKeys.get(meta.bibliography)?.add(key.toLowerCase());
    // Body lines count from the body's first line; the file's from its first.
    for (const p of doc.problems) problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
    if (doc.problems.some((p) => p.severity === "error")) continue;
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
    ...(source.engineFiles ? { engineFiles: source.engineFiles } : {}),
    posts: published.length,
  });
  return { bundle, problems, site, published };
}
