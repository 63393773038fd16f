/**
 * Expand the Liquid tags of a post body into HTML (or Markdown, for bodies
 * such as `details`), before marked sees it, as Jekyll does. Unknown tags,
 * unknown includes, stray end tags and unclosed blocks are reported at the
 * tag's offset; the output then carries nothing of the broken tag.
 */
import type { LiquidContext, LiquidProblem, LiquidTag } from "./types.ts";
import { include } from "./tags/include.ts";
import { twitter } from "./tags/twitter.ts";
import { details } from "./tags/details.ts";
import { comment, raw } from "./tags/raw.ts";
import { highlight } from "./tags/highlight.ts";
import { output } from "./output.ts";

const TAGS: ReadonlyMap<string, LiquidTag> = new Map([include, twitter, details, raw, comment, highlight].map((t) => [t.name, t]));

export interface Expanded {
  text: string;
  problems: LiquidProblem[];
  /** Optional scripts the tags asked for (`twitter`). */
  embeds: Set<string>;
}

export interface ExpandOptions {
  assetExists?: (path: string) => boolean;
}

/** `{% … %}` or `{{ … }}`, with Liquid's whitespace-control dashes. */
const MARKUP = /\{%-?([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;

export function expandLiquid(source: string, options: ExpandOptions = {}): Expanded {
  // Fast path: most posts have no Liquid at all.
  if (!source.includes("{%") && !source.includes("{{")) return { text: source, problems: [], embeds: new Set() };
  const problems: LiquidProblem[] = [];
  const embeds = new Set<string>();
  let at = 0;
  const ctx: LiquidContext = {
    ...(options.assetExists ? { assetExists: options.assetExists } : {}),
    embeds,
    report: (p) => problems.push({ ...p, offset: at }),
  };
  const open: { name: string; offset: number }[] = [];
  // Unknown tags already reported: their end tags are not reported again.
  const unknown = new Set<string>();
  let out = "";
  let last = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(source); m; m = MARKUP.exec(source)) {
    at = m.index;
    out += source.slice(last, at);
    last = MARKUP.lastIndex;
    if (m[2] !== undefined) {
      out += output(m[2], ctx);
      continue;
    }
    const inner = m[1]!.trim();
    const name = /^[\w-]*/.exec(inner)![0];
    const args = inner.slice(name.length);
    const endOf = /^end(\w+)$/.exec(name)?.[1];
    if (endOf) {
      const top = open[open.length - 1];
      if (unknown.has(endOf)) continue;
      if (top?.name === endOf) {
        open.pop();
        out += (TAGS.get(endOf) as Extract<LiquidTag, { kind: "block" }>).close();
      } else {
        ctx.report({ severity: "error", message: `\`{% ${name} %}\` closes nothing${top ? `: \`{% ${top.name} %}\` is still open` : ""}`, hint: top ? `close it with {% end${top.name} %} first` : "remove it, or add the opening tag" });
      }
      continue;
    }
    const tag = TAGS.get(name);
    if (!tag) {
      unknown.add(name);
      ctx.report({ severity: "error", message: `unknown Liquid tag \`${name || inner}\``, hint: `edgefolio supports ${[...TAGS.keys()].join(", ")}; wrap literal {% … %} text in {% raw %}…{% endraw %}` });
      continue;
    }
    if (tag.kind === "inline") out += tag.render(args, ctx);
    else if (tag.kind === "block") {
      open.push({ name, offset: at });
      out += tag.open(args, ctx);
    } else {
      // The body runs to the matching end tag, untouched by Liquid.
      const end = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, "g");
      end.lastIndex = last;
      const close = end.exec(source);
      if (!close) {
        ctx.report({ severity: "error", message: `\`{% ${name} %}\` is never closed`, hint: `add {% end${name} %} after its content` });
        continue;
      }
      out += tag.render(args, source.slice(last, close.index), ctx);
      last = end.lastIndex;
      MARKUP.lastIndex = last;
    }
  }
  out += source.slice(last);
  for (const block of open) {
    problems.push({ offset: block.offset, severity: "error", message: `\`{% ${block.name} %}\` is never closed`, hint: `add {% end${block.name} %} after its content` });
  }
  // `{%` without its `%}` is not matched above; Jekyll fails on it, so do we.
  for (const stray of source.matchAll(/\{%(?![\s\S]*?%\})/g)) {
    problems.push({ offset: stray.index, severity: "error", message: "`{%` is never closed by `%}`", hint: "finish the tag, or wrap literal text in {% raw %}…{% endraw %}" });
  }
  return { text: out, problems, embeds };
}
