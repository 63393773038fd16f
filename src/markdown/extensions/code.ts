/**
 * Code blocks: fenced code (and `{% highlight LANG [linenos] %}`, which the
 * Liquid stage turns into a fence) and distill's `<d-code block language="…">`.
 *
 * Highlighting is build work: `highlightCode`, a pass over the lexed tokens,
 * asks the build's highlighter for each block and records its HTML as a
 * `code:…` fragment keyed by the language and the code; the worker reads it
 * back. An unknown language, or a missing fragment, shows the code plain.
 * Leading and trailing blank lines are dropped; `linenos` in the info string
 * numbers the lines (CSS counters, so copying the code copies no numbers).
 *
 * Fences of the diagram and chart languages (mermaid, chartjs, …) keep
 * al-folio's markup, `<pre><code class="language-X">source</code></pre>`,
 * which the matching client library replaces when the post enables it
 * (see src/content/diagrams.ts); without JavaScript the source stays readable.
 */
import type { Marked, MarkedExtension, Token, Tokens } from "marked";
import { html, raw, type SafeHtml } from "../../escape/html.ts";
import type { Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers } from "../renderers.ts";
import { DIAGRAM_LANGUAGES } from "../../content/diagrams.ts";
import type { DrawnCode } from "./typograms.ts";

interface CodeToken extends Tokens.Code, DrawnCode {
  /** Set by highlightCode. */
  highlighted?: string;
  linenos?: boolean;
  lang?: string;
}

/** A fence's info string: language first, then words such as `linenos`. */
function parseInfo(info: string | undefined): { lang: string; linenos: boolean } {
  const words = (info ?? "").trim().split(/\s+/).filter(Boolean);
  return { lang: words[0] ?? "", linenos: words.slice(1).includes("linenos") };
}

/** Drop blank lines before and after the code (the highlight tag's body often has them). */
function trimBlankLines(code: string): string {
  return code.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}

/** Remove the indentation all non-blank lines share (`<d-code>` bodies are indented with the HTML). */
function dedent(code: string): string {
  const lines = code.split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

const TAG = /<\/?span\b[^>]*>/g;

/**
 * Wrap each line of highlighted HTML in `<span class="line">`, closing the
 * highlighter's spans at the end of a line and reopening them on the next,
 * so every line is well-formed on its own.
 */
export function numberLines(code: string): string {
  const open: string[] = [];
  const out: string[] = [];
  for (const line of code.split("\n")) {
    let body = open.join("");
    let last = 0;
    for (const m of line.matchAll(TAG)) {
      body += line.slice(last, m.index) + m[0];
      last = m.index + m[0].length;
      if (m[0].startsWith("</")) open.pop();
      else open.push(m[0]);
    }
    body += line.slice(last) + "</span>".repeat(open.length);
    out.push(`<span class="line">${body}</span>`);
  }
  return out.join("\n");
}

/** The `<pre>` of a code block: `inner` is escaped or highlighted HTML. */
function codeBlock(lang: string, inner: string, linenos: boolean): SafeHtml {
  const cls = lang ? `language-${lang}` : undefined;
  return html`<pre class="highlight${linenos ? " linenos" : ""}"><code${cls ? html` class="${cls}"` : ""}${lang ? html` data-lang="${lang}"` : ""}>${raw(linenos ? numberLines(inner) : inner)}</code></pre>\n`;
}

export const code: MarkedExtension = {
  renderer: {
    code(token) {
      const t = token as CodeToken;
      const lang = t.lang ?? parseInfo(token.lang).lang;
      // A typogram the build drew as SVG (see ./typograms.ts).
      if (t.drawn !== undefined) return `${t.drawn}\n`;
      if (DIAGRAM_LANGUAGES.has(lang)) return html`<pre><code class="language-${lang}">${t.text}</code></pre>\n`.toString();
      return codeBlock(lang, t.highlighted ?? html`${t.text}`.toString(), t.linenos ?? false).toString();
    },
  },
};

const D_CODE = /<d-code\s+block(?:\s+language\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w+#-]+)))?\s*>([\s\S]*?)<\/d-code>/g;

export interface CodeResult {
  /** Whether a block was highlighted (the page needs the highlight stylesheet). */
  highlighted: boolean;
  /** Diagram languages of the document's fences, each with the first fence's source text. */
  diagrams: Map<string, string>;
}

/**
 * Highlight every code block of a lexed document (build: with
 * `renderers.code`, recording fragments; worker: reading them back).
 */
export function highlightCode(markdown: Marked, tokens: Token[], fragments: Fragments, renderers: FragmentRenderers = {}): CodeResult {
  const result: CodeResult = { highlighted: false, diagrams: new Map() };
  const lookup = (text: string, lang: string): string | undefined => {
    if (!lang) return undefined;
    const key = `code:${textHash(`${lang}\n${text}`)}`;
    if (Object.hasOwn(fragments, key)) return fragments[key];
    const made = renderers.code?.(text, lang);
    if (made !== undefined) fragments[key] = made;
    return made;
  };
  void markdown.walkTokens(tokens, (token) => {
    if (token.type === "code") {
      const t = token as CodeToken;
      const { lang, linenos } = parseInfo(t.lang);
      t.lang = lang;
      if (DIAGRAM_LANGUAGES.has(lang)) {
        if (!result.diagrams.has(lang)) result.diagrams.set(lang, t.raw);
        return;
      }
      t.text = trimBlankLines(t.text);
      t.linenos = linenos;
      const highlighted = lookup(t.text, lang);
      if (highlighted !== undefined) {
        t.highlighted = highlighted;
        result.highlighted = true;
      }
    } else if (token.type === "html" && token.text.includes("<d-code")) {
      const t = token as Tokens.HTML;
      t.text = t.text.replace(D_CODE, (_, q1: string | undefined, q2: string | undefined, bare: string | undefined, body: string) => {
        const lang = (q1 ?? q2 ?? bare ?? "").trim();
        const text = trimBlankLines(dedent(body));
        const highlighted = lookup(text, lang);
        if (highlighted !== undefined) result.highlighted = true;
        return codeBlock(lang, highlighted ?? html`${text}`.toString(), false).toString().trimEnd();
      });
    }
  });
  return result;
}
