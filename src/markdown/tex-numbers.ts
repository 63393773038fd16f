/**
 * Equation numbers as MathJax 3 gives them with `tags: "ams"` (al-folio's
 * setting): `equation` and `multline` get one number, each row of `align`,
 * `alignat` and `gather` one, starred forms and rows with `\nonumber` or
 * `\notag` none, `\tag{t}` its own text. Numbers run in document order across
 * the post; `\label{x}` names the number of its row, `\eqref{x}` / `\ref{x}`
 * (in math or in text) link to it.
 *
 * KaTeX numbers each formula from 1, so the numbers are computed here, by
 * scanning the TeX (cheap enough for the worker, which derives the same
 * fragment keys) and given to KaTeX as `\tag{n}` in starred environments.
 * KaTeX has no `multline`: it becomes `gather*`, rows centred.
 */

/** A formula's TeX made ready for KaTeX, and the labels it defines (label → tag text). */
export interface NumberedTex {
  tex: string;
  labels: [label: string, tag: string | undefined][];
}

const NUMBERED = "equation|align|alignat|gather|multline";
const ENVIRONMENT = new RegExp(String.raw`\\begin\{(${NUMBERED})(\*?)\}(\{\d+\})?([\s\S]*?)\\end\{\1\2\}`, "g");
const LABEL = /\\label\s*\{([^{}]*)\}/g;
const TAG = /\\tag(\*?)\s*\{([^{}]*)\}/;
const NO_NUMBER = /\\(?:nonumber|notag)\b/g;
const HAS_NO_NUMBER = /\\(?:nonumber|notag)\b/;

/** Split at top-level `\\` (not inside braces or a nested environment). */
function splitRows(body: string): string[] {
  const rows: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") {
      if (body[i + 1] === "\\" && depth === 0) {
        rows.push(body.slice(start, i));
        start = i + 2;
        i++;
        continue;
      }
      if (body.startsWith("begin{", i + 1)) depth++;
      else if (body.startsWith("end{", i + 1)) depth--;
      i++; // an escaped character (`\{`) never changes the depth
    } else if (c === "{") depth++;
    else if (c === "}") depth--;
  }
  rows.push(body.slice(start));
  return rows;
}

/**
 * One row (or a whole `equation`): strip its labels and number markers and
 * give it its tag. `numbered` false: only an explicit `\tag` shows.
 */
function numberRow(row: string, numbered: boolean, next: () => number, labels: NumberedTex["labels"]): string {
  const names = [...row.matchAll(LABEL)].map((m) => m[1]!.trim());
  let out = row.replace(LABEL, "");
  const suppressed = HAS_NO_NUMBER.test(out);
  out = out.replace(NO_NUMBER, "");
  const explicit = TAG.exec(out);
  let tag: string | undefined;
  if (explicit) tag = explicit[2]!;
  else if (numbered && !suppressed && out.trim()) {
    tag = String(next());
    out = `${out.replace(/\s+$/, "")}\\tag{${tag}}`;
  }
  for (const name of names) labels.push([name, tag]);
  return out;
}

/**
 * Number the environments of one formula (display math only: inline math is
 * never numbered). `next()` hands out the post's next equation number.
 */
export function numberEquations(tex: string, display: boolean, next: () => number): NumberedTex {
  const labels: NumberedTex["labels"] = [];
  if (!display) return { tex: tex.replace(LABEL, ""), labels };
  let found = false;
  const out = tex.replace(ENVIRONMENT, (_, name: string, star: string, arg: string | undefined, body: string) => {
    found = true;
    const numbered = star === "";
    if (name === "equation" || name === "multline") {
      const rows = name === "multline" ? splitRows(body) : [body];
      // One number for the whole environment, on its last row.
      const last = numberRow(rows.pop()!, numbered, next, labels);
      const before = rows.map((r) => numberRow(r, false, next, labels));
      // An equation is its body with a tag: KaTeX's equation* is a full-width array, which overflows its box.
      if (name === "equation") return last;
      return `\\begin{gather*}${[...before, last].join("\\\\")}\\end{gather*}`;
    }
    const rows = splitRows(body).map((r) => numberRow(r, numbered, next, labels));
    return `\\begin{${name}*}${arg ?? ""}${rows.join("\\\\")}\\end{${name}*}`;
  });
  // `$$ … \tag{A} \label{x} $$`: a label outside the environments names the explicit tag, if any.
  return { tex: found ? out : numberRow(out, false, next, labels), labels };
}

/** `\eqref{x}` / `\ref{x}` occurrences: group 1 is `eq` for `\eqref`, group 2 the label. */
export const TEX_REF = /\\(eq)?ref\s*\{([^{}]*)\}/g;

/** The element id of a labelled equation (`eq-` + the label, outside characters made `-`). */
export function equationId(label: string): string {
  return "eq-" + label.trim().replace(/[^A-Za-z0-9:_.-]/g, "-");
}

/**
 * Replace each reference in math by a link to its equation: `\eqref` shows
 * `(n)`, `\ref` shows `n`; `resolve` gives a label's tag, or undefined when
 * the label is unknown (shown `(??)` and reported by the caller).
 */
export function linkReferences(tex: string, resolve: (label: string) => string | undefined): string {
  return tex.replace(TEX_REF, (_, eq: string | undefined, label: string) => {
    const tag = resolve(label.trim());
    const text = tag === undefined ? "??" : tag;
    return `\\href{#${equationId(label)}}{${eq ? `(${text})` : text}}`;
  });
}
