/**
 * Client libraries (KaTeX's stylesheet, diagram and chart scripts) copied at
 * build time from node_modules, or from this repository, into the Static
 * Assets under content-hashed names, so they are served from the site itself
 * (no CDN: `npm start` works offline and the CSP can stay `script-src 'self'`)
 * and cached forever. The views load a library only on pages that need it,
 * from the paths recorded in the manifest (`Manifest.libraries`).
 *
 * A stylesheet's relative `url(…)` references (KaTeX's fonts) are copied too,
 * each under its own hashed name, and the stylesheet is rewritten to point at them.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClientLibrary } from "../../src/store/types.ts";
import type { PublicFiles } from "./public-dir.ts";
import { POST_LAYOUT_LIBRARIES } from "./post-layout-libraries.ts";

/** Where the libraries are published, under the engine's immutable folder. */
export const LIBRARY_DIR = "assets/edgefolio/lib";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A library's files in load order. A string is a file of an installed npm
 * package (`katex/dist/katex.min.css`); a URL is a file of this repository.
 */
export interface LibrarySpec {
  styles?: (string | URL)[];
  scripts?: (string | URL)[];
}

/** The libraries the engine knows, by the name views ask for. */
export const LIBRARIES: Record<string, LibrarySpec> = {
  katex: { styles: ["katex/dist/katex.min.css"] },
  // TikZ pictures compiled at build time (src/markdown/extensions/tikz.ts): the TeX fonts their text is set in.
  tikz: { styles: ["node-tikzjax/css/fonts.css"] },
  highlight: { styles: [new URL("../../src/styles/highlight.css", import.meta.url)] },
  // Diagram and chart fences (src/content/diagrams.ts); `diagrams` draws them and comes last.
  mermaid: { scripts: ["mermaid/dist/mermaid.min.js"] },
  chartjs: { scripts: ["chart.js/dist/chart.umd.min.js"] },
  echarts: { scripts: ["echarts/dist/echarts.min.js"] },
  vega_lite: { scripts: ["vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js"] },
  plotly: { scripts: ["plotly.js-dist-min/plotly.min.js"] },
  leaflet: { styles: ["leaflet/dist/leaflet.css"], scripts: ["leaflet/dist/leaflet.js"] },
  diff2html: { styles: ["diff2html/bundles/css/diff2html.min.css"], scripts: ["diff2html/bundles/js/diff2html-ui.min.js"] },
  pseudocode: { styles: ["katex/dist/katex.min.css", "pseudocode/build/pseudocode.min.css"], scripts: ["katex/dist/katex.min.js", "pseudocode/build/pseudocode.min.js"] },
  ...POST_LAYOUT_LIBRARIES,
  // `mermaid: {zoomable: true}`: pan and zoom on the drawn diagrams; before `diagrams`, which announces them.
  "mermaid-zoom": { scripts: [new URL("../../src/client/mermaid-zoom.js", import.meta.url)] },
  diagrams: { scripts: [new URL("../../src/client/diagrams.js", import.meta.url)] },
};

export interface BuiltLibraries {
  libraries: Record<string, ClientLibrary>;
  /** What to stage into the public folder (merge into the build's PublicFiles). */
  files: PublicFiles;
}

function sourcePath(file: string | URL): string {
  return typeof file === "string" ? join(ROOT, "node_modules", file) : fileURLToPath(file);
}

function hashOf(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 10);
}

/** `dir/name.ext` → `dir/name.HASH.ext` (`katex.min.css` → `katex.min.1a2b3c4d5e.css`). */
function hashedName(file: string, hash: string): string {
  const ext = extname(file);
  return `${basename(file, ext)}.${hash}${ext}`;
}

// url(x), url('x'), url("x"); only relative references are copied.
const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

// `@import url(https://…);` / `@import "https://…";`: a stylesheet pulling another from a CDN.
const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^;]*;/gi;

async function stageStyle(source: string, files: PublicFiles): Promise<string> {
  // A remote @import is dropped: the CSP refuses it (style-src 'self'), and what it pulls is published
  // from node_modules and listed in the library (pseudocode's import of KaTeX's stylesheet from cdnjs).
  let text = (await readFile(source, "utf8")).replace(REMOTE_IMPORT, "");
  const refs = new Map<string, string>();
  for (const [, , ref] of text.matchAll(CSS_URL)) {
    if (!ref || /^(?:[a-z]+:|\/|#)/i.test(ref) || refs.has(ref)) continue;
    const path = ref.replace(/[?#].*$/, "");
    const abs = resolve(dirname(source), path);
    const rel = `${dirname(path) === "." ? "" : dirname(path) + "/"}${hashedName(path, hashOf(await readFile(abs)))}`;
    // Normalised: lightbox2's `../images/prev.png` must be listed under the path it is written to,
    // or pruning the public folder deletes it right after staging.
    files.copies.set(posix.normalize(`${LIBRARY_DIR}/${rel}`), abs);
    refs.set(ref, rel);
  }
  text = text.replace(CSS_URL, (whole, quote: string, ref: string) => (refs.has(ref) ? `url(${quote}${refs.get(ref)}${quote})` : whole));
  const rel = `${LIBRARY_DIR}/${hashedName(source, hashOf(text))}`;
  files.texts.set(rel, text);
  return `/${rel}`;
}

async function stageScript(source: string, files: PublicFiles): Promise<string> {
  const rel = `${LIBRARY_DIR}/${hashedName(source, hashOf(await readFile(source)))}`;
  files.copies.set(rel, source);
  return `/${rel}`;
}

/**
 * Stage every library of `specs`; returns their public paths by name and the
 * files to publish. Throws when a package file is missing (run `npm ci`).
 */
export async function buildLibraries(specs: Record<string, LibrarySpec> = LIBRARIES): Promise<BuiltLibraries> {
  const files: PublicFiles = { copies: new Map(), texts: new Map() };
  const libraries: Record<string, ClientLibrary> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const styles: string[] = [];
    const scripts: string[] = [];
    for (const file of spec.styles ?? []) styles.push(await stageStyle(sourcePath(file), files));
    for (const file of spec.scripts ?? []) scripts.push(await stageScript(sourcePath(file), files));
    libraries[name] = { styles, scripts };
  }
  return { libraries, files };
}

/** What keptLibraries stores: the files a build of the libraries read, with their stamps, and what it made. */
interface KeptLibraries {
  /** Absolute path, size, mtimeMs of every file read. */
  inputs: [string, number, number][];
  libraries: Record<string, ClientLibrary>;
  copies: [string, string][];
  texts: [string, string][];
}

const stampOf = async (path: string): Promise<[string, number, number] | null> => {
  const info = await stat(path).catch(() => null);
  return info ? [path, info.size, info.mtimeMs] : null;
};

/**
 * buildLibraries(specs), kept in `dir` between processes: reading and hashing
 * the libraries (~30 MB: mermaid, plotly, echarts…) costs a build 0.1–0.4 s,
 * and they change only with `npm install` or an edit of the engine's own
 * scripts. Reused while every file the last build read has the same size and
 * modification time (the stat-based limit file-stamps.ts accepts); otherwise
 * built again and kept. Throws as buildLibraries does.
 */
export async function keptLibraries(dir: string, specs: Record<string, LibrarySpec> = LIBRARIES): Promise<BuiltLibraries> {
  const path = join(dir, `libraries-${hashOf(JSON.stringify([ROOT, specs]))}.json`);
  try {
    const kept = JSON.parse(await readFile(path, "utf8")) as KeptLibraries;
    const now = await Promise.all(kept.inputs.map(([file]) => stampOf(file)));
    if (now.every((s, i) => s !== null && s[1] === kept.inputs[i]![1] && s[2] === kept.inputs[i]![2])) {
      return { libraries: kept.libraries, files: { copies: new Map(kept.copies), texts: new Map(kept.texts) } };
    }
  } catch {
    // Not kept yet, or unreadable: build.
  }
  const built = await buildLibraries(specs);
  // Every file read: each style's source, and every copy (scripts, and the fonts and pictures styles point at).
  const read = new Set([...Object.values(specs).flatMap((s) => (s.styles ?? []).map(sourcePath)), ...built.files.copies.values()]);
  const inputs = (await Promise.all([...read].map(stampOf))).filter((s): s is [string, number, number] => s !== null);
  const kept: KeptLibraries = { inputs, libraries: built.libraries, copies: [...built.files.copies], texts: [...built.files.texts] };
  try {
    await mkdir(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(kept));
    await rename(tmp, path);
  } catch {
    // A read-only cache folder costs the next build a rebuild, nothing more.
  }
  return built;
}
