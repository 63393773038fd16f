/**
 * The build, minus the file system and the upload: content files in, a
 * validated bundle (or located problems) out. Every post is rendered once
 * with the worker's own pipeline, so a post that builds is a post that renders.
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostRecord, SiteConfig } from "../../src/content/types.ts";
import { liquidSite, postUrlLookup } from "./liquid-scope.ts";
import { BundleMemo, makeBundle, type Bundle } from "../../src/store/bundle.ts";
import type { EngineFiles } from "../../src/store/types.ts";
import { parseYamlFile } from "./front-matter-file.ts";
import { parseSiteConfig } from "./site-config.ts";
import { SitePagesMemo, sitePages } from "./site-pages.ts";
import { bibliographyProblems } from "./bibtex.ts";
import { NO_CACHE, type StepCache, type StepLookups } from "./post-step.ts";
import { BibliographyReader, type StepInputs } from "./step-inputs.ts";
import { stepResults } from "./step-results.ts";
import { createHash } from "node:crypto";
import { prerenderTikz } from "./render/tikz.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { ImageSize } from "./image-sizes.ts";
import type { ClientLibrary } from "../../src/store/types.ts";
import { LabelRegistry } from "./label-check.ts";
import type { StoredDocument } from "../../src/markdown/stored-document.ts";

export interface SourceFile {
  /** As shown in messages: `content/posts/2024-01-03-x.md`. */
  file: string;
  text: string;
  /** Full lowercase hex SHA-256 of `text`, when the loader knows it without reading the file (file-stamps.ts). */
  hash?: string;
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
  /** Step results kept between builds (see build-cache.ts); default: none, every post is rendered. */
  cache?: StepCache;
  /** Pages, JSON and hashes kept from the previous build of this process (see buildMemo); the bundle is the same without. */
  memo?: BuildMemo;
  /**
   * Threads that render posts, this one included (render-pool.ts); the result is the same with any number.
   * Default: all cores (at most 8) when 64 posts or more must be rendered, else 1 (no render thread starts).
   */
  threads?: number;
}

/** What a long-running process (npm run dev) keeps from one build for the next: see SitePagesMemo and BundleMemo. */
export interface BuildMemo {
  pages: SitePagesMemo;
  bundle: BundleMemo;
}

export const buildMemo = (): BuildMemo => ({ pages: new SitePagesMemo(), bundle: new BundleMemo() });

export interface BuildResult {
  bundle: Bundle | null;
  problems: ContentError[];
  site: SiteConfig;
  /** Posts that will be listed (after drafts and future posts are left out). */
  published: PostRecord[];
  /** What is left out without `drafts`: posts dated after the build's time, and `published: false` posts. */
  heldBack: { future: PostRecord[]; unpublished: PostRecord[] };
}

/** Posts whose pictures are compiled (the cached results of a dev session are the same objects every build). */
const prerendered = new WeakSet<PostRecord>();

const nodeSha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export async function buildSite(source: ContentSource, options: BuildOptions = {}): Promise<BuildResult> {
  const problems: ContentError[] = [];
  const siteFile = source.site ?? { file: "content/site.yml", text: "" };
  const { site, problems: siteProblems } = parseSiteConfig(siteFile.text, siteFile.file);
  problems.push(...siteProblems);
  if (!source.site) problems.push({ file: siteFile.file, line: 0, col: 0, message: "no site.yml: using defaults", hint: "create content/site.yml with title, description and url", severity: "warning" });

  const posts: PostRecord[] = [];
  const cited = new Map<string, Bibliography>();
  // Each post's rendered body, made by its (cached) step: sitePages does not render posts again.
  const docs = new Map<string, StoredDocument>();
  const cache = options.cache ?? NO_CACHE;
  const assets = new Set(source.assets);
  // `{% post_url %}` by file name: each post's own path (its front matter under the site's permalink).
  // Looked up lazily: a cached build reads no other post's front matter.
  const postUrl = postUrlLookup(source.posts, site);
  const lookups: StepLookups = {
    assetExists: (p) => assets.has(p),
    ...(source.readAsset ? { readAsset: source.readAsset } : {}),
    ...(source.imageSize ? { imageSize: source.imageSize } : {}),
    postUrl,
  };
  // What every step shares, as data a render thread can be sent (step-inputs.ts).
  const inputs: StepInputs = {
    site,
    liquidSite: liquidSite(site, source.site ? parseYamlFile(source.site.text, source.site.file).data : undefined),
    bibliographies: source.bibliographies,
    bibliographyFiles: source.bibliographyFiles ?? {},
    ...(source.siteBibliography ? { siteBibliography: source.siteBibliography } : {}),
    readsAssets: source.readAsset !== undefined,
    sizesPictures: source.imageSize !== undefined,
  };
  // One parse per bibliography and build, whether asked for by a post step or for its own problems.
  const bibliographies = new BibliographyReader(inputs);
  const results = await stepResults(source.posts, cache, lookups, inputs, bibliographies, options.threads);
  const byPath = new Map<string, string>();
  const labels = new LabelRegistry();
  // Lowercased keys cited from each .bib: an error in an entry nobody cites is only a warning.
  const citedKeys = new Map<string, Set<string>>();
  for (const [index, { file }] of source.posts.entries()) {
    const result = results[index]!;
    problems.push(...result.problems);
    for (const [bib, keys] of Object.entries(result.citedKeys ?? {})) {
      const all = citedKeys.get(bib) ?? new Set<string>();
      for (const key of keys) all.add(key.toLowerCase());
      citedKeys.set(bib, all);
    }
    if (!result.meta) continue;
    const other = byPath.get(result.meta.path);
    if (other) {
      problems.push({ file, line: 0, col: 0, message: `${result.meta.path} is also the address of ${other}`, hint: "give one of them another file name (the site's permalink makes the address from it)", severity: "error" });
      continue;
    }
    byPath.set(result.meta.path, file);
    // Across posts, in file order, so they are checked on every build (cached posts included).
    for (const w of labels.check(result.meta)) {
      const at = result.labelsAt?.[w.key][w.index] ?? { line: 0, col: 0 };
      problems.push({ file, ...at, message: w.message, hint: w.hint, severity: "warning" });
    }
    if (!result.post) continue;
    if (result.cited) cited.set(result.post.meta.path, result.cited);
    if (result.doc) docs.set(result.post.meta.path, result.doc);
    posts.push(result.post);
  }
  // A bibliography's own problems, once, whether its posts were rendered now or cached.
  for (const [name, keys] of [...citedKeys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parse = () => bibliographies.readCited(name).problems;
    problems.push(...bibliographyProblems(cache.bibliographyProblems(name, parse), keys));
  }

  const now = (options.now ?? new Date()).getTime();
  const published = posts.filter((p) => options.drafts || (p.meta.published && Date.parse(p.meta.date) <= now));
  const heldBack = {
    unpublished: options.drafts ? [] : posts.filter((p) => !p.meta.published),
    future: options.drafts ? [] : posts.filter((p) => p.meta.published && Date.parse(p.meta.date) > now),
  };
  if (problems.some((p) => p.severity === "error")) return { bundle: null, problems, site, published, heldBack };
  // Feeds render the newest posts' bodies again, cached posts' included: their pictures too.
  await prerenderTikz(published.filter((p) => !prerendered.has(p)).map((p) => p.body));
  for (const p of published) prerendered.add(p);

  const bundle = await makeBundle(sitePages(published, site, cited, docs, options.memo?.pages), {
    builtAt: new Date(now).toISOString(),
    site,
    stylesheet: source.stylesheet,
    ...(source.engineFiles ? { engineFiles: source.engineFiles } : {}),
    posts: published.length,
    ...(source.libraries ? { libraries: source.libraries } : {}),
  }, nodeSha256, options.memo?.bundle);
  return { bundle, problems, site, published, heldBack };
}
