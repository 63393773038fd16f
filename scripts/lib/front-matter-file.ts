/**
 * Split a post file into YAML front matter and Markdown body, and parse the
 * YAML with positions so every later error can name its line. `yaml` parses
 * data only (core schema: no code, no custom tags; aliases are capped).
 */
import { LineCounter, parseDocument, isNode, isMap, type Document } from "yaml";
import type { ContentError } from "../../src/content/error.ts";
import type { Locate } from "../../src/content/front-matter.ts";
import { frontMatterSizeProblem } from "../../src/content/limits.ts";
import { flatFrontMatter } from "./front-matter-flat.ts";

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  locate: Locate;
  problems: ContentError[];
  /** False when the file has no closed front matter, so its body is unknown. */
  fenced: boolean;
}

const FENCE = /^---[ \t]*$/;

export function parseFrontMatterFile(text: string, file: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const none = (message: string, hint: string, line = 1): SplitFile => ({
    data: null,
    body: "",
    bodyLine: 1,
    locate: () => ({ line, col: 1 }),
    problems: [{ file, line, col: 1, message, hint, severity: "error" }],
    fenced: false,
  });
  if (!FENCE.test(lines[0] ?? "")) return none("the file does not start with front matter", "put `---`, the YAML keys (title, date, …) and `---` at the top of the file");
  const end = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  if (end < 0) return none("front matter is not closed", "add a line with `---` after the last YAML key", lines.length);

  const yamlText = lines.slice(1, end).join("\n");
  // Before the YAML parser: its cost grows with the text.
  const tooBig = frontMatterSizeProblem(yamlText);
  if (tooBig) return none(tooBig, "move long data into a file under assets/ and keep the front matter to settings", 2);
  const body = () => ({ body: lines.slice(end + 1).join("\n"), bodyLine: end + 2, fenced: true });
  // Plain `key: value` lines (most posts): the same data and positions as `yaml` gives, without it.
  const flat = flatFrontMatter(yamlText);
  if (flat) return { data: flat.data, locate: flat.locate, problems: [], ...body() };
  return { ...yamlFrontMatter(yamlText, file), ...body() };
}

/** The front matter's YAML (`yamlText`, between the fences) parsed by `yaml`: data, problems and positions (file lines: the opening fence is line 1). */
export function yamlFrontMatter(yamlText: string, file: string): { data: unknown; locate: Locate; problems: ContentError[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // YAML line 1 is file line 2 (after the opening fence).
  const fromOffset = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + 1, col: p.col };
  };
  const problems: ContentError[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const { line, col } = fromOffset(err.pos[0]);
    problems.push({
      file,
      line,
      col,
      message: `invalid YAML: ${err.message.split("\n")[0]}`,
      hint: "check indentation and quote values that contain `:` or `#`",
      severity: doc.errors.includes(err as never) ? "error" : "warning",
    });
  }

  const locate: Locate = (path, part = "value") => {
    if (part === "key" && path.length > 0) {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]) : undefined;
      if (pair && isNode(pair.key) && pair.key.range) return fromOffset(pair.key.range[0]);
    }
    // Walk back up the path until a node exists; point at the key's value.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return fromOffset(node.range[0]);
    }
    return { line: 2, col: 1 };
  };

  let data: unknown = null;
  if (!problems.some((p) => p.severity === "error")) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // Alias expansion past the cap ("billion laughs") and similar: an error at the front matter, not a crash.
      problems.push({ file, line: 2, col: 1, message: `invalid YAML: ${(err as Error).message}`, hint: "use fewer nested aliases (*name)", severity: "error" });
    }
  }
  return { data, locate, problems };
}

/** Parse a standalone YAML file (site.yml) with the same positions and limits. */
export function parseYamlFile(text: string, file: string): { data: unknown; locate: Locate; problems: ContentError[] } {
  const wrapped = parseFrontMatterFile(`---\n${text}\n---\n`, file);
  // Undo the opening fence's line shift.
  const locate: Locate = (path, part) => {
    const p = wrapped.locate(path, part);
    return { line: p.line - 1, col: p.col };
  };
  return { data: wrapped.data, locate, problems: wrapped.problems.map((p) => ({ ...p, line: Math.max(p.line - 1, 1) })) };
}
