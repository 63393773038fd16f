/** Read a content folder (al-folio layout, see README) into a ContentSource. */
import { readdir, readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { createHash } from "node:crypto";
import { readImageSizes } from "./image-sizes.ts";
import type { ContentSource, SourceFile } from "./build-site.ts";
import { buildLibraries } from "./client-assets.ts";
import { prerenderTikz } from "./render/tikz.ts";
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

/** `display` is how paths appear in messages (relative to the working directory). */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const display = (abs: string) => toPosix(relative(process.cwd(), abs)) || abs;
  const info = await stat(contentDir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`content folder ${contentDir} does not exist`);

  const siteFile = join(contentDir, "site.yml");
  const site: SourceFile | null = await readFile(siteFile, "utf8").then((text) => ({ file: display(siteFile), text }), () => null);

  const postPaths = (await walk(join(contentDir, "posts"))).filter((p) => /\.(md|markdown)$/.test(p)).sort();
  const posts = await Promise.all(postPaths.map(async (p) => ({ file: display(p), text: await readFile(p, "utf8") })));
  // TikZ pictures compile asynchronously: all of them now, before the (synchronous) page renderers read them.
  await prerenderTikz(posts.map((p) => p.text));

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
  const { libraries, files: libraryFiles } = await buildLibraries();
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
