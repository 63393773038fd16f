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
import { postRenderOptions, renderMarkdown } from "../../src/markdown/pipeline.ts";
import { liquidPage, liquidSite, postUrlsByName } from "./liquid-scope.ts";
import { makeBundle, type Bundle } from "../../src/store/bundle.ts";
import type { EngineFiles } from "../../src/store/types.ts";
import type { ImageSize } from "./image-sizes.ts";
import { parseFrontMatterFile, parseYamlFile } from "./front-matter-file.ts";
import { parseSiteConfig } from "./site-config.ts";
import { sitePages } from "./site-pages.ts";
import { bibliographyProblems, parseBibliography, type ParsedBibliography } from "./bibtex.ts";
import { pictureUrl } from "./post-image.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { ClientLibrary } from "../../src/store/types.ts";
import { citationStyleOf, scholarCitedEntries, styledBibliography } from "./post-bibliography.ts";
import { scholarSession, usesScholarTags, type ScholarSession } from "./scholar.ts";
import { resolveToc, unresolvedToc } from "../../src/content/toc.ts";
import { pageRenderers } from "./render/renderers.ts";
import { DIAGRAMS, diagramLibraries } from "../../src/content/diagrams.ts";
import { withStylesHash } from "./style-hash.ts";
import { bodyProblems, bodyText, cpuMsSince, overBudget } from "./body-checks.ts";
import { LabelRegistry } from "./label-check.ts";

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
  /** `_bibliography/papers.bib`: the site-wide bibliography of jekyll-scholar tags (al-folio's place). */
  siteBibliography?: SourceFile;
  /** Paths of everything under `assets/`, relative to the content folder (`assets/img/x.jpg`). */
  assets: string[];
  /** Text of a file under the content folder (`assets/jupyter/x.ipynb`), for Liquid tags that read one. */
  readAsset?: (path: string) => string | undefined;
  /** Pixel sizes of the pictures under `assets/` (image-size), for figures' width/height. */
  imageSize?: (path: string) => ImageSize | undefined;
  /** The engine stylesheet's public path (content-hashed). */
  stylesheet: string;
  /** Client libraries' public paths by name (see client-assets.ts). */
  libraries?: Record<string, ClientLibrary>;
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
      // bodyText: no control characters or lone surrogates reach a page from a .bib either.
      parsed = bib ? parseBibliography(bodyText(bib.text), bib.file) : { entries: {}, csl: {}, broken: new Set(), problems: [] };
      bibCache.set(name, parsed);
      citedKeys.set(name, new Set());
    }
    return parsed;
  };
  // The site-wide bibliography of jekyll-scholar tags (`_bibliography/papers.bib`), read once when a post uses the tags.
  const SITE_BIB = "_bibliography/papers.bib";
  const readSiteBibliography = (): ParsedBibliography | undefined => {
    if (!source.siteBibliography) return undefined;
    if (!bibCache.has(SITE_BIB)) {
      bibCache.set(SITE_BIB, parseBibliography(source.siteBibliography.text, source.siteBibliography.file));
      citedKeys.set(SITE_BIB, new Set());
    }
    return bibCache.get(SITE_BIB);
  };
  const assets = new Set(source.assets);
  const byPath = new Map<string, string>();
  const labels = new LabelRegistry();
  // `{% post_url %}` by file name: each post's own path (its front matter under the site's permalink).
  const postUrls = postUrlsByName(source.posts, site);
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

    for (const w of labels.check(meta)) problems.push({ file, ...split.locate([w.key, w.index]), message: w.message, hint: w.hint, severity: "warning" });
    if (meta.disqusComments && !site.disqusShortname) {
      problems.push({ file, ...split.locate(["disqus_comments"]), message: "`disqus_comments: true` but site.yml has no Disqus shortname: no comments are shown", hint: "add disqus_shortname: NAME to site.yml (NAME as in NAME.disqus.com)", severity: "warning" });
    }
    const thumbnail = meta.thumbnail && pictureUrl(meta.thumbnail);
    if (meta.thumbnail && (!thumbnail || (thumbnail.startsWith("/") && !assets.has(thumbnail.slice(1))))) {
      problems.push({ file, ...split.locate(["thumbnail"]), message: `thumbnail \`${meta.thumbnail}\` is not a file under assets/ nor an http(s) URL: the cards show no picture`, hint: "write it as assets/img/NAME.jpg, relative to the content folder", severity: "warning" });
      delete meta.thumbnail; // no broken picture on cards and link previews
    }
    // Limits and unclosed raw HTML, before any parser sees the body.
    const checked = bodyProblems(split.body);
    for (const p of checked) problems.push({ file, ...p, line: p.line + split.bodyLine - 1 });
    if (checked.some((p) => p.severity === "error")) continue;

    const post: PostRecord = { meta: withStylesHash(meta), body: bodyText(split.body), sourceFile: file, bodyLine: split.bodyLine };
    const parsedBib = meta.bibliography && source.bibliographies.includes(meta.bibliography) ? readBibliography(meta.bibliography) : undefined;
    const bibliography = parsedBib?.entries;
    const style = citationStyleOf(meta, site, file, split.locate);
    if (style.problem) problems.push(style.problem);
    const siteBib = usesScholarTags(post.body) ? readSiteBibliography() : undefined;
    const scholar: ScholarSession | undefined = usesScholarTags(post.body) ? scholarSession([parsedBib, siteBib].filter((b) => b !== undefined), style.id) : undefined;
    let doc;
    try {
      const cpuStart = process.cpuUsage();
      const rendered = renderPost(post.body, {
        ...(scholar ? { scholar } : {}),
        assetExists: (p) => assets.has(p),
        ...(source.readAsset ? { readAsset: source.readAsset } : {}),
        ...(source.imageSize ? { imageSize: source.imageSize } : {}),
        postUrl: (name) => postUrls.get(name),
        page: liquidPage(meta, split.data),
        site: liquidSiteData,
        ...(meta.layout === "distill" ? { footnotes: "distill" as const } : {}),
        renderers: pageRenderers(source.readAsset),
        ...(bibliography ? { bibliography } : {}),
      });
      // The stored post is the prepared body: Liquid never runs in the worker.
      post.body = rendered.body;
      post.fragments = rendered.fragments;
      if (rendered.embeds.length) post.embeds = rendered.embeds;
      doc = rendered.doc;
      // The budget is the worker's render of the stored body; the build's time (Liquid included) bounds it from above.
      const slow = overBudget(cpuMsSince(cpuStart), () => renderMarkdown(post.body, { ...postRenderOptions(post), ...(bibliography ? { bibliography } : {}) }));
      if (slow) doc.problems.push(slow);
    } catch (err) {
      problems.push({ file, line: split.bodyLine, col: 1, message: `the post does not render: ${(err as Error).message}`, severity: "error" });
      continue;
    }
    if (meta.bibliography) for (const key of doc.citations) citedKeys.get(meta.bibliography)?.add(key.toLowerCase());
    for (const key of scholar?.cited() ?? []) for (const name of [meta.bibliography, SITE_BIB]) if (name) citedKeys.get(name)?.add(key.toLowerCase());
    // al-folio's `related_publications: true`: the works the post cites with jekyll-scholar, listed after it.
    const publications = meta.extras["related_publications"] === true ? scholar?.relatedPublications() : undefined;
    if (publications) post.publications = publications;
    // Body lines count from the body's first line; the file's from its first.
    for (const p of doc.problems) problems.push({ file, ...p, line: p.line > 0 ? p.line + split.bodyLine - 1 : split.bodyLine });
    if (doc.problems.some((p) => p.severity === "error")) continue;
    const drawn = diagramLibraries(meta.extras, doc.diagrams.map((d) => d.lang));
    for (const d of doc.diagrams.filter((d) => drawn.missing.includes(d.lang))) {
      problems.push({ file, line: d.line + split.bodyLine - 1, col: 1, message: `\`${d.lang}\` fence, but its library is not enabled: the source is shown as code`, hint: `add \`${DIAGRAMS[d.lang]!.flag}\` to the front matter`, severity: "warning" });
    }
    for (const name of meta.toc ? unresolvedToc(resolveToc(meta.toc, doc.headings)) : []) {
      problems.push({ file, ...split.locate(["toc"]), message: `toc entry \`${name}\` matches no heading, so its link goes nowhere`, hint: "make the toc name match the heading text", severity: "warning" });
    }
    // The page stores only the entries it cites: the worker never reads the .bib.
    const scholarEntries = scholar ? scholarCitedEntries([parsedBib, siteBib], scholar.cited()) : {};
    if ((parsedBib && doc.citations.length) || Object.keys(scholarEntries).length) {
      cited.set(meta.path, { ...scholarEntries, ...(parsedBib ? styledBibliography(parsedBib, doc.citations, style.id) : {}) });
    }
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
    ...(source.libraries ? { libraries: source.libraries } : {}),
  });
  return { bundle, problems, site, published };
}
