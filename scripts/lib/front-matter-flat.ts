/**
 * A fast path for the commonest front matter: one `key: value` per line, all
 * plain scalars (`title: A post`, `date: 2024-05-01 10:00:00`, `tags: ml rl`,
 * `toc: true`). Parsing it with `yaml` (document, positions) was ~15 % of a
 * build's time on 10,000 such posts; this reads it in one pass of the lines.
 *
 * It answers only when its answer is the one `yaml` gives (YAML 1.2 core
 * schema, as front-matter-file.ts parses): same data, same positions for
 * `locate`. Anything it does not fully understand — comments, quotes,
 * nesting, lists, anchors, flow collections, empty values, numbers other
 * than small decimal integers, duplicate keys, control or astral characters
 * — makes it return null, and the caller parses with `yaml`. The
 * equivalence is tested against `yaml` (test/unit/front-matter-flat.test.ts).
 */
import type { Locate } from "../../src/content/front-matter.ts";

/** A key: a letter or `_`, then letters, digits, `_`, `-` (no YAML-special key like `true` or `null`, no `__proto__`). */
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):( +)(.*)$/;
const SPECIAL_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
/** Printable characters of the Basic Multilingual Plane, no tab, no BOM, no Unicode line or paragraph separators. */
const PRINTABLE = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
/** A first character that starts something other than a plain string (indicators, numbers, signs). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`.+0-9~ ]/;
const NULL = /^(?:[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Decimal integers that are exact as doubles; other numbers go to `yaml`. */
const SMALL_INT = /^[0-9]{1,15}$/;
/** A digit-led value that is a string in the core schema needs no number test beyond these (dates, versions). */
const CORE_NUMBER = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

type Scalar = string | number | boolean | null;

function scalar(text: string): Scalar | undefined {
  if (!PRINTABLE.test(text) || text.endsWith(" ") || text.endsWith(":") || text.includes(": ") || text.includes(" #")) return undefined;
  // Flow indicators inside a plain scalar are legal in block context, but rare enough to leave to `yaml`.
  if (/[[\]{}]/.test(text)) return undefined;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (/^[0-9]/.test(text)) {
    if (SMALL_INT.test(text)) return Number(text);
    // A digit-led string (a date, `3.2.1`) is fine; anything a number tag could claim is not ours.
    return CORE_NUMBER.test(text) ? undefined : text;
  }
  if (SPECIAL_START.test(text)) return undefined;
  return text;
}

/**
 * `yamlText` (the lines between the fences) as data and a `Locate` whose
 * lines count from the file's first line (the opening fence is line 1), or
 * null when the text is not flat, plain `key: value` lines (and blank lines).
 */
export function flatFrontMatter(yamlText: string): { data: Record<string, Scalar>; locate: Locate } | null {
  const data: Record<string, Scalar> = {};
  // Per key: its file line and the column of its value.
  const at = new Map<string, { line: number; valueCol: number }>();
  let first: number | undefined;
  const lines = yamlText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const m = LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (SPECIAL_KEY.test(key) || at.has(key)) return null;
    const value = scalar(m[3]!);
    if (value === undefined || m[3] === "") return null;
    data[key] = value;
    at.set(key, { line: i + 2, valueCol: key.length + 1 + m[2]!.length + 1 });
    first ??= i + 2;
  }
  if (first === undefined) return null;
  const start = first;
  const locate: Locate = (path, part = "value") => {
    // Only top-level keys exist; a deeper path points at its key's value, as `yaml`'s walk up the path does.
    const found = typeof path[0] === "string" ? at.get(path[0]) : undefined;
    if (!found) return { line: start, col: 1 };
    return part === "key" && path.length === 1 ? { line: found.line, col: 1 } : { line: found.line, col: found.valueCol };
  };
  return { data, locate };
}
