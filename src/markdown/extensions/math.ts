/**
 * TeX math as al-folio authors write it (kramdown + MathJax 3):
 * - `$$…$$` alone as a block, `\[…\]` and `\begin{equation|align|gather|multline}[*]`: display;
 * - `$$…$$` inside a paragraph, `$…$` and `\(…\)`: inline;
 * - `\eqref{x}` / `\ref{x}` in text: a link to the equation labelled `x`.
 *
 * A dollar stays a dollar when escaped (`\$`), in code, or when it cannot be
 * math: `$` must not be followed by a space, the closing `$` not preceded by
 * one nor followed by a digit (so "$5 and $10" is prose). Spaces on both
 * sides (`$ E = mc^2 $`, as al-folio's distill sample writes it and MathJax
 * reads it) are math too: the spacing is symmetric, which prices are not.
 *
 * The TeX is typeset by `typesetMath`, a pass over the lexed tokens: at build
 * time with the renderer (KaTeX, in scripts/), recording the HTML as
 * fragments `math:…` keyed by the formula; in the worker reading them back.
 * Without a stored fragment the TeX source is shown, escaped.
 */
import type { Marked, MarkedExtension, Token, Tokens } from "marked";
import { html, raw, type SafeHtml } from "../../escape/html.ts";
import { fragment, type Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers, type TexError } from "../renderers.ts";
import { equationId, linkReferences, numberEquations } from "../tex-numbers.ts";

export interface MathToken extends Tokens.Generic {
  type: "texMath" | "texMathBlock";
  raw: string;
  /** The TeX between the delimiters (environments keep their \begin/\end). */
  tex: string;
  display: boolean;
  /** Set by typesetMath. */
  html?: string;
  /** Ids of the equations labelled in this formula. */
  ids?: string[];
}

interface RefToken extends Tokens.Generic {
  type: "texRef";
  raw: string;
  eq: boolean;
  label: string;
  /** Set by typesetMath: the tag text, undefined when the label is unknown. */
  tag?: string;
}

const ENVIRONMENTS = "equation|align|alignat|gather|multline";
const BLOCK_END = String.raw`[ \t]*(?=\n[ \t]*\n|\n?$)`;
const BLOCK = [
  new RegExp(String.raw`^ {0,3}\$\$(?!\$)([\s\S]+?)\$\$${BLOCK_END}`),
  new RegExp(String.raw`^ {0,3}\\\[([\s\S]+?)\\\]${BLOCK_END}`),
  new RegExp(String.raw`^ {0,3}(\\begin\{(${ENVIRONMENTS})\*?\}[\s\S]*?\\end\{\2\*?\})${BLOCK_END}`),
];

// Inline forms, tried in order; `display` for \[…\] and environments inside a paragraph (as MathJax does).
const INLINE: [RegExp, boolean][] = [
  [/^\$\$(?!\$)([\s\S]+?)\$\$/, false],
  // No backtick inside `$…$`: a dollar before a code span is prose ("$4; the code `$$x$$`").
  [/^\$(?![\s$])((?:\\[\s\S]|[^\\$\n`]|\n(?![ \t]*\n))*?[^\s\\`])\$(?!\d)/, false],
  [/^\$(?![\s$])([^\s\\$`])\$(?!\d)/, false],
  // `$ E = mc^2 $`: a space after the opening and before the closing dollar, on one line; not "$ 5 now and $ 6 later".
  [/^\$[ \t]+((?:\\[\s\S]|[^\\$\n`])*?[^\s\\`])[ \t]+\$(?![ \t]*\d)/, false],
  [/^\\\(([\s\S]+?)\\\)/, false],
  [/^\\\[([\s\S]+?)\\\]/, true],
  [new RegExp(String.raw`^(\\begin\{(${ENVIRONMENTS})\*?\}[\s\S]*?\\end\{\2\*?\})`), true],
];

const REF = /^\\(eq)?ref\s*\{([^{}\n]+)\}/;

export const math: MarkedExtension = {
  extensions: [
    {
      name: "texMathBlock",
      level: "block",
      tokenizer(src) {
        for (const re of BLOCK) {
          const m = re.exec(src);
          if (m) return { type: "texMathBlock", raw: m[0], tex: m[1]!.trim(), display: true } satisfies MathToken;
        }
        return undefined;
      },
      renderer(token) {
        const t = token as MathToken;
        return `${html`<div class="math-display"${idAttr(t)}>${body(t)}</div>`}\n`;
      },
    },
    {
      name: "texMath",
      level: "inline",
      // Backslashes too: `\$` must reach marked's escape rule whole.
      start: (src) => {
        const i = src.search(/[$\\]/);
        return i < 0 ? undefined : i;
      },
      tokenizer(src) {
        for (const [re, display] of INLINE) {
          const m = re.exec(src);
          if (m) return { type: "texMath", raw: m[0], tex: m[1]!.trim(), display } satisfies MathToken;
        }
        return undefined;
      },
      renderer(token) {
        const t = token as MathToken;
        return (t.display ? html`<span class="math-display"${idAttr(t)}>${body(t)}</span>` : body(t)).toString();
      },
    },
    {
      name: "texRef",
      level: "inline",
      tokenizer(src) {
        const m = REF.exec(src);
        return m ? ({ type: "texRef", raw: m[0], eq: !!m[1], label: m[2]!.trim() } satisfies RefToken) : undefined;
      },
      renderer(token) {
        const t = token as RefToken;
        const text = t.tag === undefined ? "??" : t.tag;
        return html`<a class="eqref" href="#${equationId(t.label)}">${t.eq ? `(${text})` : text}</a>`.toString();
      },
    },
  ],
};

/** ` id="…"` of the formula's first label. */
function idAttr(t: MathToken): SafeHtml {
  const first = t.ids?.[0];
  return html`${first ? html` id="${first}"` : ""}`;
}

/** The typeset formula; further labels of the formula (align rows) get empty anchors, as one element has one id. */
function body(t: MathToken): SafeHtml {
  const extra = (t.ids ?? []).slice(1).map((id) => html`<span id="${id}"></span>`);
  return html`${extra}${t.html !== undefined ? raw(t.html) : html`<span class="math">${t.raw}</span>`}`;
}

/** A problem found by the pass, at a character offset of the source. */
export interface MathProblem {
  offset: number;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

export interface MathResult {
  problems: MathProblem[];
  /** Whether the document has math (its page needs KaTeX's stylesheet). */
  found: boolean;
}

/** Finds each token's text in the source, in document order, for messages. */
class SourceCursor {
  private at = 0;
  constructor(private readonly source: string) {}
  find(text: string): number {
    let i = this.source.indexOf(text, this.at);
    if (i < 0) i = this.source.indexOf(text);
    if (i >= 0) this.at = i + 1;
    return Math.max(i, 0);
  }
}

/**
 * Number, link and typeset every formula of a lexed document, in document
 * order. With `renderers.math` (the build), formulas are typeset and recorded
 * in `fragments`, and invalid TeX, unknown and duplicate labels are reported;
 * without (the worker), stored fragments are read back.
 */
export function typesetMath(markdown: Marked, tokens: Token[], source: string, fragments: Fragments, renderers: FragmentRenderers = {}): MathResult {
  const formulas: MathToken[] = [];
  const refs: RefToken[] = [];
  void markdown.walkTokens(tokens, (token) => {
    if (token.type === "texMath" || token.type === "texMathBlock") formulas.push(token as MathToken);
    else if (token.type === "texRef") refs.push(token as RefToken);
  });
  if (!formulas.length && !refs.length) return { problems: [], found: false };

  const cursor = new SourceCursor(source);
  const problems: MathProblem[] = [];
  const where = new Map<MathToken | RefToken, number>();
  const locate = (t: MathToken | RefToken) => {
    let at = where.get(t);
    if (at === undefined) where.set(t, (at = cursor.find(t.raw)));
    return at;
  };
  const report = renderers.math !== undefined;

  let counter = 0;
  const next = () => ++counter;
  const labels = new Map<string, string | undefined>();
  const prepared = formulas.map((t) => {
    const numbered = numberEquations(t.tex, t.display, next);
    for (const [label, tag] of numbered.labels) {
      if (labels.has(label)) {
        if (report) problems.push({ offset: locate(t), message: `equation label \`${label}\` is defined twice`, hint: "give each \\label a different name", severity: "error" });
        continue;
      }
      labels.set(label, tag);
    }
    t.ids = numbered.labels.map(([label]) => equationId(label));
    return numbered.tex;
  });

  const resolve = (t: MathToken | RefToken) => (label: string) => {
    const tag = labels.get(label);
    if (tag === undefined && report) {
      const known = labels.has(label);
      problems.push({
        offset: locate(t),
        message: known ? `\`${label}\` labels an equation without a number` : `unknown equation label \`${label}\``,
        hint: known ? "refer to a numbered equation, or give it a \\tag{…}" : "add \\label{…} to a numbered equation (equation, align, gather, multline)",
        severity: "error",
      });
    }
    return tag;
  };

  formulas.forEach((t, i) => {
    const tex = linkReferences(prepared[i]!, resolve(t));
    const key = `math:${t.display ? "d" : "i"}:${textHash(tex)}`;
    const make = renderers.math;
    t.html = fragment(fragments, key, make && (() => {
      try {
        return make(tex, t.display);
      } catch (err) {
        const e = err as TexError;
        // The position is exact when the TeX went to KaTeX as written; else point at the formula.
        const offset = locate(t) + (tex === t.tex && e.position !== undefined ? t.raw.indexOf(t.tex) + e.position : 0);
        const near = e.position !== undefined && tex === t.tex ? ` near \`${tex.slice(e.position, e.position + Math.max(e.length ?? 1, 1))}\`` : "";
        problems.push({ offset, message: `invalid TeX: ${e.rawMessage ?? e.message}${near} in \`${t.tex.length > 60 ? t.tex.slice(0, 57) + "…" : t.tex}\``, hint: "KaTeX supports most of LaTeX math; see katex.org/docs/supported", severity: "error" });
        return html`<span class="math">${t.raw}</span>`.toString();
      }
    }), () => html`<span class="math">${t.raw}</span>`.toString());
  });

  for (const r of refs) r.tag = resolve(r)(r.label);
  return { problems, found: formulas.length > 0 };
}
