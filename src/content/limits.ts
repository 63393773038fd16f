/**
 * Bounds on what one post may cost. Posts are rendered per request at the
 * edge, so a post that is slow to render is a denial of service on every
 * cache miss (issue 8 §2: a 400-level nested list cost 0.6 s a render, a
 * 1,000-column table and a 3 MB body were accepted). These checks run on the
 * source text before any parser, in time linear in its length; each breach is
 * an error naming the limit. The build also measures each post's render
 * against RENDER_BUDGET_MS (scripts/lib/render-budget.ts).
 *
 * The limits sit far above what real posts use: al-folio's 31 sample posts
 * and the seed post stay under a tenth of each (test/unit/limits.test.ts).
 */
import type { RenderProblem } from "../markdown/pipeline.ts";

export const LIMITS = {
  /** YAML between the `---` fences, in bytes (UTF-8). */
  frontMatterBytes: 64 * 1024,
  /** The Markdown body, in bytes (UTF-8). */
  bodyBytes: 1024 * 1024,
  /** Lists and block quotes inside one another. */
  nestingDepth: 32,
  /** Columns of a GFM table. */
  tableColumns: 64,
  /** Milliseconds one render of the post may take on the build machine. */
  renderBudgetMs: 50,
} as const;

/** The limits a body is checked against (LIMITS, or tighter ones in tests). */
export interface BodyLimits {
  bodyBytes: number;
  nestingDepth: number;
  tableColumns: number;
}

/** UTF-8 length of `text` without allocating it. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const kib = (bytes: number): string => `${Math.ceil(bytes / 1024)} KiB`;

/** An error when `yaml` (the front matter's text) is over its limit. */
export function frontMatterSizeProblem(yaml: string): string | null {
  const bytes = utf8Bytes(yaml);
  return bytes > LIMITS.frontMatterBytes ? `front matter is ${kib(bytes)}, over the limit of ${kib(LIMITS.frontMatterBytes)}` : null;
}

// Any indentation: a fence inside a list item is indented with it.
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
// Block markers that open a container: `>` or a list item (`-`, `*`, `+`, `1.`, `1)`) and its space.
const MARKER = /(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/y;
const DELIMITER_ROW = /^[\s|:-]+$/;

/**
 * Size, nesting and table-width limits of a Markdown body. `line` in the
 * problems is 1-based within the body. Fenced code is skipped: its lines are text.
 * Nesting is estimated per line as (indentation / 2) plus the container
 * markers the line starts with (`> - > 1. x` is four), which is what makes
 * marked recurse; the estimate errs high only on deeply indented lines.
 */
export function bodyLimitProblems(body: string, limits: BodyLimits = LIMITS): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const bytes = utf8Bytes(body);
  if (bytes > limits.bodyBytes) {
    problems.push({ line: 1, col: 1, severity: "error", message: `the post's body is ${kib(bytes)}, over the limit of ${kib(limits.bodyBytes)}`, hint: "split it into several posts, or move data into files under assets/" });
    return problems;
  }
  let fence: string | null = null;
  let deep = false;
  let wide = false;
  const lines = body.split("\n");
  for (let i = 0; i < lines.length && !(deep && wide); i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (!deep) {
      const depth = nestingOf(line);
      if (depth > limits.nestingDepth) {
        deep = true;
        problems.push({ line: i + 1, col: 1, severity: "error", message: `lists and block quotes nest about ${depth} deep here, over the limit of ${limits.nestingDepth} levels`, hint: "flatten the list; deeply nested Markdown is slow to render on every request" });
      }
    }
    if (!wide && line.includes("|") && line.includes("-") && DELIMITER_ROW.test(line)) {
      const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").length;
      if (cells > limits.tableColumns) {
        wide = true;
        problems.push({ line: i + 1, col: 1, severity: "error", message: `this table has ${cells} columns, over the limit of ${limits.tableColumns}`, hint: "split the table, or link to the data as a file under assets/" });
      }
    }
  }
  return problems;
}

/** (indentation / 2) + container markers at the start of `line`; linear in the line's length. */
function nestingOf(line: string): number {
  let indent = 0;
  let markers = 0;
  let i = 0;
  for (;;) {
    while (line[i] === " " || line[i] === "\t") indent += line[i++] === "\t" ? 4 : 1;
    MARKER.lastIndex = i;
    const m = MARKER.exec(line);
    if (!m) return Math.floor(indent / 2) + markers;
    markers++;
    i += m[0].length;
  }
}
