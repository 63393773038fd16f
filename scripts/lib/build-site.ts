/**
 * The build, minus the file system and the upload: content files in, a
 * validated bundle (or located problems) out. Every post is rendered once
 * with the worker's own pipeline, so a post that builds is a post that renders.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostRecord, SiteConfig } from "../../src/content/types.ts";
import { liquidSite, postUrlsByName } from "./liquid-scope.ts";
import { makeBundle, type Bundle } from "../../src/store/bundle.ts";
import type { EngineFiles } from "../../src/store/types.ts";
import { parseYamlFile } from "./front-matter-file.ts";
import { parseSiteConfig } from "./site-config.ts";
import { sitePages } from "./site-pages.ts";
import { bibliographyProblems, parseBibliography, type ParsedBibliography } from "./bibtex.ts";
import { NO_CACHE, postStep, type StepCache, type StepLookups } from "./post-step.ts";
import { createHash } from "node:crypto";
import type { Bibliography } from "../../src/bibliography/types.ts";

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
  /** Step results kept between builds (see build-cache.ts); default: none, every post is rendered. */
  cache?: StepCache;
}

export interface BuildResult {
  bundle: Bundle | null;
  problems: ContentError[];
  site: SiteConfig;
  /** Posts that will be listed (after drafts and future posts are left out). */
  published: PostRecord[];
}

const nodeSha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export async function buildSite(source: ContentSource, options: BuildOptions = {}): Promise<BuildResult> {
  const problems: ContentError[] = [];
  const siteFile = source.site ?? { file: "content/site.yml", text: "" };
  const { site, problems: siteProblems } = parseSiteConfig(siteFile.text, siteFile.file);
  problems.push(...siteProblems);
  if (!source.site) problems.push({ file: siteFile.file, line: 0, col: 0, message: "no site.yml: using defaults", hint: "create content/site.yml with title, description and url", severity: "warning" });

  const posts: PostRecord[] = [];
  const cited = new Map<string, Bibliography>();
  const bibCache = new Map<string, ParsedBibliography>();
  const readBibliography = (name: string): ParsedBibliography => {
    let parsed = bibCache.get(name);
    if (!parsed) {
      const bib = source.bibliographyFiles?.[name];
      parsed = bib ? parseBibliography(bib.text, bib.file) : { entries: {}, csl: {}, broken: new Set(), problems: [] };
      bibCache.set(name, parsed);
    }
    return parsed;
  };
  const cache = options.cache ?? NO_CACHE;
  const assets = new Set(source.assets);
  // `{% post_url %}` by file name; the year from the file name (front matter may differ, rarely).
  const postUrls = postUrlsByName(source.posts.map((p) => p.file));
  const lookups: StepLookups = {
    assetExists: (p) => assets.has(p),
    ...(source.readAsset ? { readAsset: source.readAsset } : {}),
    postUrl: (name) => postUrls.get(name),
  };
  const context = {
    site,
    liquidSite: liquidSite(site, source.site ? parseYamlFile(source.site.text, source.site.file).data : undefined),
    bibliographies: source.bibliographies,
    readBibliography,
  };
  const byPath = new Map<string, string>();
  // Lowercased keys cited from each .bib: an error in an entry nobody cites is only a warning.
  const citedKeys = new Map<string, Set<string>>();
  for (const { file, text } of source.posts) {
    // Unchanged posts come from the cache: not parsed or rendered again.
    const result = cache.get(file, text, lookups) ?? cache.run(file, text, lookups, (recorded) => postStep(file, text, { ...context, lookups: recorded }));
    problems.push(...result.problems);
    if (result.meta) {
      const other = byPath.get(result.meta.path);
      if (other) {
        problems.push({ file, line: 0, col: 0, message: `${result.meta.path} is also the address of ${other}`, hint: "two posts of the same year need different slugs", severity: "error" });
        continue;
      }
      byPath.set(result.meta.path, file);
      const bib = result.meta.bibliography;
      if (bib && source.bibliographies.includes(bib)) {
        const keys = citedKeys.get(bib) ?? new Set<string>();
        for (const key of result.citedKeys ?? []) keys.add(key.toLowerCase());
        citedKeys.set(bib, keys);
      }
    }
    if (!result.post) continue;
    if (result.cited) cited.set(result.post.meta.path, result.cited);
    posts.push(result.post);
  }
  // A bibliography's own problems, once, whether its posts were rendered now or cached.
  for (const [name, keys] of [...citedKeys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    problems.push(...bibliographyProblems(cache.bibliographyProblems(name, () => readBibliography(name).problems), keys));
  }

  const now = (options.now ?? new Date()).getTime();
  const published = posts.filter((p) => options.drafts || (p.meta.published && Date.parse(p.meta.date) <= now));
  if (problems.some((p) => p.severity === "error")) return { bundle: null, problems, site, published };

  const bundle = await makeBundle(sitePages(published, site, cited), {
    builtAt: new Date(now).toISOString(),
    site,
    stylesheet: source.stylesheet,
    ...(source.engineFiles ? { engineFiles: source.engineFiles } : {}),
    posts: published.length,
  }, nodeSha256);
  return { bundle, problems, site, published };
}
