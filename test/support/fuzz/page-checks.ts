/**
 * What every page must be, whatever the input (issue 8 §1): HTML that an
 * HTML5 parser (parse5) reads without errors, ids unique page-wide (the
 * layout's included), no NUL or C0 control characters, and no event-handler
 * attribute or script-capable URL that a data field's payload reached.
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { MARK } from "./marker.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const URL_ATTRS = new Set(["href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "srcset"]);
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export interface PageCheckOptions {
  /** Parse errors are checked unless the body was mutated (authors may write broken HTML, as in Jekyll). */
  parseErrors: boolean;
}

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ("content" in node && node.content) yield* elements(node.content as unknown as Node);
}

/** Everything wrong with `html`, as readable lines (empty when the page is sound). */
export function pageProblems(html: string, opts: PageCheckOptions): string[] {
  const problems: string[] = [];
  const ctl = CONTROL.exec(html);
  if (ctl) problems.push(`control character U+${ctl[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${ctl.index}: ${JSON.stringify(html.slice(Math.max(0, ctl.index - 40), ctl.index + 10))}`);
  const errors: string[] = [];
  const doc = parse(html, { sourceCodeLocationInfo: true, onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  if (opts.parseErrors && errors.length) problems.push(`parse errors: ${errors.slice(0, 5).join(", ")}`);

  const ids = new Map<string, number>();
  for (const el of elements(doc as unknown as Node)) {
    for (const { name, value } of el.attrs) {
      if (name === "id") ids.set(value, (ids.get(value) ?? 0) + 1);
      if (/^on/i.test(name) && (value.includes(MARK) || name.includes(MARK))) problems.push(`event handler <${el.tagName} ${name}="${value.slice(0, 60)}"> from data`);
      if (name.includes(MARK)) problems.push(`attribute named from data: <${el.tagName} ${name}>`);
      if (URL_ATTRS.has(name)) {
        const squashed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^(?:javascript|vbscript):|^data:text\/html/.test(squashed) && value.includes(MARK)) problems.push(`script URL <${el.tagName} ${name}="${value.slice(0, 60)}"> from data`);
      }
    }
    if (el.tagName === MARK) problems.push(`element <${el.tagName}> from data`);
    if (el.tagName === "script" && el.attrs.every((a) => a.name !== "type" || a.value !== "application/ld+json")) {
      const text = el.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
      if (text.includes(MARK)) problems.push(`script text from data: ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
  for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" appears ${n} times`);
  return problems;
}
