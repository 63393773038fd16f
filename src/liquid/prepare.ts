/**
 * The build's per-post Liquid step: source body in; the prepared body
 * (Markdown with `\uE000liquid:N\uE001` placeholders), its fragments, the
 * problems located in the source, and a map from prepared-body offsets back
 * to source offsets (for problems Markdown finds later) out.
 */
import { Context, Tokenizer, analyzeSync, LiquidError, toValueSync, type Liquid, type Template, type Emitter } from "liquidjs";
import { placeholder, type Fragments } from "../markdown/fragments.ts";
import { attachState, createEngine, liquidText, states } from "./engine.ts";
import { similarKeys } from "../markdown/locate-citations.ts";
import type { LiquidContext, LiquidProblem, ScholarTags } from "./types.ts";
import { escapePlaceholders } from "../escape/index.ts";

export interface PrepareOptions {
  assetExists?: (path: string) => boolean;
  readAsset?: (path: string) => string | undefined;
  imageSize?: (path: string) => { width: number; height: number } | undefined;
  /** `{{ page.* }}`: front matter plus url, date, slug, … */
  page?: Record<string, unknown>;
  /** `{{ site.* }}`: site.yml. */
  site?: Record<string, unknown>;
  /** Site path of the post whose file name (without .md) is given, for `{% post_url %}`. */
  postUrl?: (name: string) => string | undefined;
  /** jekyll-scholar tags' formatting for this post (scripts/lib/scholar.ts). */
  scholar?: ScholarTags;
  /** Render Markdown to HTML at build time (notebook cells, markdownify), storing fragments in `fragments`. */
  renderMarkdown?: (markdown: string, fragments: Fragments) => string;
}

export interface Prepared {
  body: string;
  fragments: Fragments;
  problems: LiquidProblem[];
  /** Optional scripts the tags asked for (`twitter`). */
  embeds: Set<string>;
  /** Source offset of a prepared-body offset (exact in text the author wrote; a tag's start inside its output). */
  sourceOffset(bodyOffset: number): number;
}

/** A run of the prepared body copied from the source. */
interface Segment {
  out: number;
  src: number;
  length: number;
}

let engine: Liquid | undefined;
/** Records literal text as it is written to the top-level emitter (set only while a post renders). */
let recordLiteral: ((emitter: Emitter, src: number, length: number) => void) | undefined;

/**
 * liquidjs writes the author's literal text through its HTML template; wrap
 * that one method (of the class, found from a parsed template since liquidjs
 * does not export it) so every copied run is recorded with its source offset.
 */
function getEngine(): Liquid {
  if (engine) return engine;
  engine = createEngine();
  type Render = (ctx: Context, emitter: Emitter) => Generator;
  const [html, output] = engine.parse("x{{x}}") as unknown as { render: Render }[];
  const htmlProto = Object.getPrototypeOf(html) as { render: Render };
  const htmlRender = htmlProto.render;
  htmlProto.render = function* (this: { token: { begin: number; trimLeft: number }; str: string }, ctx: Context, emitter: Emitter) {
    recordLiteral?.(emitter, this.token.begin + this.token.trimLeft, this.str.length);
    yield* htmlRender.call(this, ctx, emitter);
  };
  // Filters report at the `{{ … }}` they run in.
  const outputProto = Object.getPrototypeOf(output) as { render: Render };
  const outputRender = outputProto.render;
  outputProto.render = function* (this: { token: { begin: number } }, ctx: Context, emitter: Emitter) {
    const state = states.get(ctx);
    if (state) state.at = this.token.begin;
    yield* outputRender.call(this, ctx, emitter);
  };
  return engine;
}

/** The emitter of the top level: a plain string buffer. */
class BodyEmitter {
  buffer = "";
  write(value: unknown): void {
    this.buffer += liquidText(value);
  }
}

const LIQUID = /\{[{%]/;

/** Expand the Liquid of a post body, as Jekyll does before Markdown. */
export function prepareBody(source: string, options: PrepareOptions = {}): Prepared {
  const problems: LiquidProblem[] = [];
  const fragments: Fragments = {};
  const embeds = new Set<string>();
  const identity = { body: source, fragments, problems, embeds, sourceOffset: (o: number) => o };
  if (!LIQUID.test(source)) return identity;

  const liquid = getEngine();
  // `{%` without its `%}` stops liquidjs's tokenizer at once; report each and
  // blank it out (same length, so offsets hold) to find the other problems too.
  let text = source;
  for (const stray of source.matchAll(/\{%(?![\s\S]*?%\})/g)) {
    problems.push({ offset: stray.index, severity: "error", message: "`{%` is never closed by `%}`", hint: "finish the tag, or wrap literal text in {% raw %}…{% endraw %}" });
    text = text.slice(0, stray.index) + "  " + text.slice(stray.index + 2);
  }
  // Parse token by token (as liquidjs's parseTokens does) keeping what parses,
  // so one broken tag does not hide the problems of the rest of the post.
  const templates: Template[] = [];
  try {
    const tokens = new Tokenizer(text, liquid.options.operators).readTopLevelTokens(liquid.options);
    for (let token = tokens.shift(); token; token = tokens.shift()) {
      try {
        templates.push(liquid.parser.parseToken(token, tokens));
      } catch (err) {
        problems.push(...liquidProblems(err, source));
      }
    }
  } catch (err) {
    problems.push(...liquidProblems(err, source));
    return { ...identity, body: "" };
  }
  const page = options.page ?? {};
  const site = options.site ?? {};
  problems.push(...undefinedOutputs(templates, source, { page, site }));

  let next = 0;
  const state = { at: 0, tagContext: (): LiquidContext => tagContext };
  const tagContext: LiquidContext = {
    ...(options.assetExists ? { assetExists: options.assetExists } : {}),
    ...(options.readAsset ? { readAsset: options.readAsset } : {}),
    ...(options.imageSize ? { imageSize: options.imageSize } : {}),
    ...(options.postUrl ? { postUrl: options.postUrl } : {}),
    ...(options.scholar ? { scholar: options.scholar } : {}),
    embeds,
    state: new Map(),
    report: (p) => problems.push({ ...p, offset: state.at }),
    fragment(html) {
      const key = `liquid:${next++}`;
      fragments[key] = html;
      return placeholder(key);
    },
    deferFragment() {
      const key = `liquid:${next++}`;
      fragments[key] = "";
      return { placeholder: placeholder(key), fill: (html: string) => (fragments[key] = html) };
    },
    inlineMarkdown(markdown) {
      const key = `liquid:${next++}:inline`;
      // Parameters are data: a placeholder delimiter in them is a character reference, never a placeholder.
      fragments[key] = escapePlaceholders(markdown);
      return placeholder(key);
    },
    evaluate: (expression) => liquid.evalValueSync(expression, ctx),
    renderMarkdown: (markdown) => (options.renderMarkdown ? options.renderMarkdown(markdown, fragments) : markdown),
  };
  const ctx = new Context({ page, site }, liquid.options, { sync: true });
  attachState(ctx, state);
  const emitter = new BodyEmitter();
  const segments: Segment[] = [];
  recordLiteral = (e, src, length) => {
    if (e === emitter && length > 0) segments.push({ out: emitter.buffer.length, src, length });
  };
  try {
    toValueSync(liquid.renderer.renderTemplates(templates, ctx, emitter as unknown as Emitter));
  } catch (err) {
    problems.push(...liquidProblems(err, source));
  } finally {
    recordLiteral = undefined;
  }
  const body = emitter.buffer;
  return { body, fragments, problems, embeds, sourceOffset: (o) => mapBack(segments, o) };
}

/** Binary search the copied runs; offsets inside tag output map to the end of the run before it (the tag's start). */
function mapBack(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.out <= offset) {
      found = segments[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found) return 0;
  return found.src + Math.min(offset - found.out, found.length);
}

/** liquidjs errors (one, or all of them with catchAllErrors) as located problems. */
function liquidProblems(err: unknown, source: string): LiquidProblem[] {
  const errors = (err as { errors?: unknown[] }).errors ?? [err];
  return errors.map((e) => {
    if (!LiquidError.is(e)) return { offset: 0, severity: "error" as const, message: `Liquid failed: ${(e as Error).message}` };
    const base = ((e.originalError ?? e).message || e.message).replace(/, line:\d+, col:\d+$/, "");
    const offset = Math.min(e.token?.begin ?? 0, source.length);
    const unknown = /^tag "([^"]*)" not found$/.exec(base);
    if (unknown?.[1]!.startsWith("end")) {
      return { offset, severity: "error" as const, message: `\`{% ${unknown[1]} %}\` closes nothing`, hint: "remove it, or add the opening tag before it" };
    }
    if (unknown) {
      return { offset, severity: "error" as const, message: `unknown Liquid tag \`${unknown[1]}\``, hint: "see the tags edgefolio supports in README.md; wrap literal {% … %} text in {% raw %}…{% endraw %}" };
    }
    const filter = /^undefined filter: (.+)$/.exec(base);
    if (filter) {
      const near = similarKeys(filter[1]!, engine ? Object.keys(engine.filters) : []);
      return { offset, severity: "error" as const, message: `unknown Liquid filter \`${filter[1]}\``, hint: near.length ? `did you mean ${near.map((f) => `\`${f}\``).join(" or ")}?` : "Liquid's standard filters and Jekyll's are known (README.md, \"Liquid\")" };
    }
    // liquidjs quotes the rest of the text, line ends written as `\n`: the tag's first line is enough.
    const output = /^output "([\s\S]*)" not closed$/.exec(base);
    if (output) return { offset, severity: "error" as const, message: `\`${output[1]!.split(/\\n|\n/)[0]!.trimEnd().slice(0, 60)}\` is never closed`, hint: "close it with }}, or wrap literal {{ … }} text in {% raw %}…{% endraw %}" };
    const unclosed = /^tag "?(\{%[\s\S]*?)"? not closed$/.exec(base);
    if (unclosed) return { offset, severity: "error" as const, message: `\`${unclosed[1]!.slice(0, 60)}\` is never closed`, hint: "close the tag, or wrap literal {% … %} text in {% raw %}…{% endraw %}" };
    const ours = /^(.*is never closed): (.*)$/.exec(base);
    if (ours) return { offset, severity: "error" as const, message: ours[1]!, hint: ours[2]! };
    return { offset, severity: "error" as const, message: base };
  });
}

/**
 * Variables printed with `{{ }}` that resolve to nothing render empty, as in
 * Jekyll, with a warning (a typo is likely). Variables only tested in
 * `if`/`unless` are not reported: testing for absence is their purpose.
 */
function undefinedOutputs(templates: Template[], source: string, scope: Record<string, unknown>): LiquidProblem[] {
  const problems: LiquidProblem[] = [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let analysis;
  try {
    analysis = analyzeSync(templates);
  } catch {
    return problems;
  }
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const offset = (lineStarts[variable.location.row - 1] ?? 0) + variable.location.col - 1;
      const before = source.slice(0, offset);
      if (before.lastIndexOf("{{") <= before.lastIndexOf("{%")) continue;
      let value: unknown = scope;
      for (const segment of variable.segments) {
        if (typeof segment !== "string" && typeof segment !== "number") {
          value = "";
          break;
        }
        value = value !== null && typeof value === "object" && Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
        if (value === undefined) break;
      }
      if (value === undefined) {
        problems.push({ offset, severity: "warning", message: `\`${variable.toString()}\` is not defined: it renders as nothing`, hint: "check the name; page.* is the front matter, site.* is site.yml; wrap literal {{ … }} text in {% raw %}…{% endraw %}" });
      }
    }
  }
  return problems;
}
