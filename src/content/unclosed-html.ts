/**
 * Raw HTML in a post body that would swallow the rest of the page: an
 * unclosed `<!--`, or an unclosed element whose content the HTML parser
 * reads as raw text up to its end tag (`<script>`, `<style>`, `<textarea>`,
 * `<title>`; HTML §13.2.5) or that the engine pairs itself (`<d-footnote>`).
 * Unclosed, they hide everything after them, footer included; the
 * `</` + `<!--` repetition also made marked take seconds per render.
 *
 * Checked on the source before marked runs, in one pass with indexOf: code
 * (fenced blocks, inline code spans, Liquid `highlight`/`raw` blocks) is
 * blanked first, since `<!--` in code is text.
 */
import type { RenderProblem } from "../markdown/pipeline.ts";
import { positionAt } from "./error.ts";

const ELEMENTS = ["script", "style", "textarea", "title", "d-footnote"] as const;

const blank = (s: string): string => s.replace(/[^\n]/g, " ");

/** `body` with code replaced by spaces (same length, newlines kept), so offsets stay valid. */
export function blankCode(body: string): string {
  let out = body.replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\2[`~]*[ \t]*(?=\n|$)|(?![\s\S]))/gm, blank);
  out = out.replace(/\{%-?\s*(highlight|raw)\b[\s\S]*?\{%-?\s*end\1\s*-?%\}/g, blank);
  return blankCodeSpans(out);
}

/**
 * Code spans (CommonMark §6.1): a backtick run opens a span that the next run
 * of the same length closes, within a paragraph. Linear: each run's next run
 * of equal length is found by one backward pass.
 */
function blankCodeSpans(text: string): string {
  const runs: { at: number; len: number; para: number }[] = [];
  const re = /`+|\n[ \t]*\n/g;
  let para = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0][0] === "`") runs.push({ at: m.index, len: m[0].length, para });
    else para++;
  }
  const next = new Array<number>(runs.length).fill(-1);
  const lastOf = new Map<string, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const key = `${runs[i]!.para}:${runs[i]!.len}`;
    next[i] = lastOf.get(key) ?? -1;
    lastOf.set(key, i);
  }
  let out = "";
  let copied = 0;
  for (let i = 0; i < runs.length; i++) {
    const j = next[i]!;
    if (j < 0) continue;
    const from = runs[i]!.at;
    const to = runs[j]!.at + runs[j]!.len;
    out += text.slice(copied, from) + blank(text.slice(from, to));
    copied = to;
    i = j;
  }
  return out + text.slice(copied);
}

/** Errors for each kind of unclosed comment or element, at the line of the first one that is not closed. */
export function unclosedHtmlProblems(body: string): RenderProblem[] {
  // Everything looked for starts with `<`, and blanking code only removes text: most bodies stop here.
  if (!body.includes("<")) return [];
  const text = blankCode(body);
  const lower = text.toLowerCase();
  const problems: RenderProblem[] = [];
  const report = (offset: number, what: string, close: string) => {
    problems.push({ ...positionAt(body, offset), severity: "error", message: `${what} is never closed, so it would hide the rest of the page`, hint: `close it with \`${close}\`` });
  };

  // Comments first, then blanked: `<!-- <script> -->` opens no element.
  let outside = "";
  let copied = 0;
  for (let at = lower.indexOf("<!--"); at >= 0; ) {
    const end = lower.indexOf("-->", at + 4);
    if (end < 0) {
      report(at, "this HTML comment `<!--`", "-->");
      break;
    }
    outside += lower.slice(copied, at) + blank(lower.slice(at, end + 3));
    copied = end + 3;
    at = lower.indexOf("<!--", copied);
  }
  outside += lower.slice(copied);

  for (const name of ELEMENTS) {
    const open = new RegExp(`<${name}(?=[\\s/>])`, "g");
    const close = `</${name}`;
    let from = 0;
    for (;;) {
      open.lastIndex = from;
      const m = open.exec(outside);
      if (!m) break;
      const end = outside.indexOf(close, m.index + 1);
      if (end < 0) {
        report(m.index, `\`<${name}>\``, `</${name}>`);
        break;
      }
      from = end + close.length;
    }
  }
  return problems;
}
