/**
 * Front-matter checks that concern every value rather than one key:
 * characters no page may carry, keys that name JavaScript's object
 * machinery, and a redirect target. Each problem is located at its key.
 */

/** A YAML path and what is wrong there. */
export interface ValueProblem {
  path: (string | number)[];
  /** Whether the key itself is the problem, or its value. */
  part: "key" | "value";
  severity: "error" | "warning";
  message: string;
  hint: string;
}

// `__proto__` would reach Object.prototype in code that copies the mapping;
// `constructor`/`prototype` shadow what code expects of any object.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but tab, LF and CR; DEL; the C1 block is left alone (it holds no markup risk and is valid XML).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Walk the parsed front matter (iteratively: nesting depth is the author's)
 * and report forbidden keys, lone surrogates (which make URL encoding throw
 * and are not Unicode text) and control characters (invalid in HTML and XML output).
 */
export function valueProblems(data: unknown): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length && problems.length < 20) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const where = path.length ? `\`${path.join(".")}\`` : "the front matter";
      if (LONE_SURROGATE.test(value)) problems.push({ path, part: "value", severity: "error", message: `${where} holds half of a Unicode surrogate pair, which is not text`, hint: "retype the character, or write it as \\u escape of a whole code point in a double-quoted string" });
      else if (CONTROL.test(value)) problems.push({ path, part: "value", severity: "warning", message: `${where} holds a control character (U+${CONTROL.exec(value)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}), which is left out`, hint: "remove it: pages and feeds cannot carry control characters" });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push({ path: [...path, key], part: "key", severity: "error", message: `\`${key}\` cannot be a front-matter key`, hint: "rename the key" });
        else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return problems;
}

const CONTROLS = new RegExp(CONTROL.source, "g");

/** `text` without the control characters no HTML or XML output may carry (tab, LF, CR stay). */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/** A copy of parsed YAML data with every string passed through withoutControls. */
export function withoutControlsDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return withoutControls(value);
  // YAML nesting is bounded by the front-matter size limit; the depth guard keeps the stack safe anyway.
  if (depth > 200 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => withoutControlsDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlsDeep(v, depth + 1)]));
}

/**
 * Why `redirect:` cannot be used as a Location, or null when it can: a site
 * path (`/blog/new/`) or an absolute http(s) URL, without spaces or control
 * characters (a CR/LF would split the header; `javascript:` or `//host` would
 * send readers elsewhere than the author meant).
 */
export function redirectProblem(target: string): string | null {
  if (/[\u0000-\u0020\u007F]/.test(target)) return "`redirect` holds a space or control character";
  if (target.startsWith("//")) return "`redirect` starts with `//`, which browsers read as another host";
  if (target.startsWith("/")) return null;
  if (/^https?:\/\/[^/?#\\]+/i.test(target)) return null;
  return "`redirect` must be a site path starting with `/` or an absolute http(s) URL";
}

/** Warning text when the front-matter date's day differs from the file name's, else null. */
export function dateMismatch(dateText: string, fileDate: string): string | null {
  const day = (text: string) => {
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
    return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : null;
  };
  const a = day(dateText);
  const b = day(fileDate);
  return a && b && a !== b ? `the date ${a} differs from the file name's ${b}; the front matter wins` : null;
}
