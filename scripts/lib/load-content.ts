/** Read a content folder (al-folio layout, see README) into a ContentSource. */
import { readdir, readFile, stat } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import type { FileStamps } from "./file-stamps.ts";
import { join, relative, sep } from "node:path";
import { createHash } from "node:crypto";
import { readImageSizes } from "./image-sizes.ts";
import type { ContentSource, SourceFile } from "./build-site.ts";
import { keptLibraries } from "./client-assets.ts";
import { CACHE_DIR } from "./build-cache.ts";
import type { PublicFiles } from "./public-dir.ts";

/** Where the engine's own stylesheet is served; content may not use this folder. */
export const ENGINE_ASSET_DIR = "assets/edgefolio";
/** The site-wide bibliography of jekyll-scholar tags, relative to the content folder. */
export const SITE_BIBLIOGRAPHY = "_bibliography/papers.bib";
export const STYLESHEET_SOURCE = new URL("../../src/styles/edgefolio.css", import.meta.url);
/** The engine's browser files (plain JavaScript and SVG, served as written). */
const ENGINE_FILES = { theme: "theme.js", site: "site.js", favicon: "favicon.svg" } as const;
const CLIENT_DIR = new URL("../../src/client/", import.meta.url);

const contentHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 10);

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join("/");

export interface LoadedContent {
  source: ContentSource;
  /** Absolute path of each asset, by its public path under the site (`assets/img/x.jpg`). */
  assetFiles: Map<string, string>;
  stylesheetText: string;
  /** Client libraries to publish (see client-assets.ts). */
  libraryFiles: PublicFiles;
  /** The engine's browser files' text, by public path (`assets/edgefolio/theme.<hash>.js`). */
  engineFileTexts: Map<string, string>;
}

/** Text of an asset (a notebook a Liquid tag renders), read when asked; undefined when absent. */
function readAssetText(assetFiles: Map<string, string>, path: string): string | undefined {
  const abs = assetFiles.get(path);
  return abs === undefined ? undefined : readFileSync(abs, "utf8");
}

export interface LoadOptions {
  /**
   * Stamps of the previous load (file-stamps.ts): a post whose stamp is
   * unchanged is not read now; its text is read only if the build asks for
   * it (a post not in the build cache). Absent: every post is read.
   */
  stamps?: FileStamps;
  /** Reads a post file (absolute path) as UTF-8; tests pass one that counts. */
  readPost?: (path: string) => string;
}

/**
 * The client libraries staged from node_modules (~0.4 s of reads and hashes
 * when not kept from an earlier build, see keptLibraries), once per process:
 * a dev session rebuilds without them; `npm install` during one needs a
 * restart, as for the engine's own code.
 */
let libraryBuild: ReturnType<typeof keptLibraries> | undefined;

const readUtf8 = (path: string): string => readFileSync(path, "utf8");

/**
 * A post file whose `text` is read on first use. `hash` (the SHA-256 of the
 * text, see build-cache.ts) is not enumerable, so a copy with edited text
 * (`{ ...post, text }`) does not carry a stale hash.
 */
function postFile(file: string, hash: string, read: () => string): SourceFile {
  let text: string | undefined;
  const post = { file } as SourceFile;
  Object.defineProperty(post, "text", { enumerable: true, get: () => (text ??= read()) });
  Object.defineProperty(post, "hash", { enumerable: false, value: hash });
  return post;
}

/** Each post file under `postPaths`, read now unless its stamp is unchanged (see LoadOptions.stamps). */
function loadPosts(postPaths: readonly string[], display: (abs: string) => string, { stamps, readPost = readUtf8 }: LoadOptions): SourceFile[] {
  stamps?.beginLoad();
  // Synchronous stats: 10,000 of them queued on libuv's thread pool as promises take 3–5× longer.
  return postPaths.map((abs) => {
    const at = Date.now();
    const { size, mtimeMs } = statSync(abs);
    const known = stamps?.known(abs, size, mtimeMs);
    if (known !== undefined) return postFile(display(abs), known, () => readPost(abs));
    const text = readPost(abs);
    const hash = stamps ? stamps.record(abs, size, mtimeMs, text, at) : createHash("sha256").update(text).digest("hex");
    return postFile(display(abs), hash, () => text);
  });
}

/** `display` is how paths appear in messages (relative to the working directory). */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const display = (abs: string) => toPosix(relative(process.cwd(), abs)) || abs;
  const info = await stat(contentDir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`content folder ${contentDir} does not exist`);

  const siteFile = join(contentDir, "site.yml");
  const site: SourceFile | null = await readFile(siteFile, "utf8").then((text) => ({ file: display(siteFile), text }), () => null);

  const postPaths = (await walk(join(contentDir, "posts"))).filter((p) => /\.(md|markdown)$/.test(p)).sort();
  const posts = loadPosts(postPaths, display, options);

  const assetFiles = new Map<string, string>();
  for (const abs of (await walk(join(contentDir, "assets"))).sort()) assetFiles.set(toPosix(relative(contentDir, abs)), abs);
  const bibliographies = [...assetFiles.keys()].filter((p) => p.startsWith("assets/bibliography/")).map((p) => p.slice("assets/bibliography/".length));

  const bibliographyFiles: Record<string, SourceFile> = {};
  for (const name of bibliographies.filter((n) => n.endsWith(".bib"))) {
    const abs = assetFiles.get(`assets/bibliography/${name}`)!;
    bibliographyFiles[name] = { file: display(abs), text: await readFile(abs, "utf8") };
  }

  const imageSizes = await readImageSizes(assetFiles);
  // The site-wide jekyll-scholar bibliography, where al-folio keeps it (`_bibliography/papers.bib`).
  const papersFile = join(contentDir, SITE_BIBLIOGRAPHY);
  const siteBibliography: SourceFile | undefined = await readFile(papersFile, "utf8").then((text) => ({ file: display(papersFile), text }), () => undefined);

  const stylesheetText = await readFile(STYLESHEET_SOURCE, "utf8");
  const hash = contentHash(stylesheetText);
  libraryBuild ??= keptLibraries(CACHE_DIR);
  const { libraries, files: libraryFiles } = await libraryBuild;
  const engineFileTexts = new Map<string, string>();
  const engineFiles = { theme: "", site: "", favicon: "" };
  for (const [name, file] of Object.entries(ENGINE_FILES) as [keyof typeof ENGINE_FILES, string][]) {
    const text = await readFile(new URL(file, CLIENT_DIR), "utf8");
    const path = `${ENGINE_ASSET_DIR}/${file.replace(/\.(\w+)$/, `.${contentHash(text)}.$1`)}`;
    engineFileTexts.set(path, text);
    engineFiles[name] = `/${path}`;
  }
  return {
    source: { site, posts, bibliographies, bibliographyFiles, ...(siteBibliography ? { siteBibliography } : {}), assets: [...assetFiles.keys()], readAsset: (p) => readAssetText(assetFiles, p), imageSize: (p) => imageSizes.get(p), stylesheet: `/${ENGINE_ASSET_DIR}/style.${hash}.css`, engineFiles, libraries },
    assetFiles,
    stylesheetText,
    engineFileTexts,
    libraryFiles,
  };
}
