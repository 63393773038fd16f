/**
 * The Liquid engine of the build: liquidjs configured as Jekyll uses Liquid
 * (undefined variables render empty, Shopify/Jekyll filters), plus Jekyll's
 * URL filters, `markdownify`, `post_url`/`link` and al-folio's tags from
 * ./tags (each adapted to liquidjs here, so a tag file knows nothing of it).
 *
 * Build-only: liquidjs must never be reachable from src/index.ts.
 */
import { Liquid, Tag, type Context, type Emitter, type TagToken, type TopLevelToken, type Template } from "liquidjs";
import { escapeAttr } from "../escape/index.ts";
import type { LiquidContext, LiquidTag } from "./types.ts";
import { TAGS } from "./tags/index.ts";

/** Per-post state of one render, kept by context (out of reach of templates). */
export interface RenderState {
  /** Offset in the source of the tag or output being rendered, for `report`. */
  at: number;
  /** Builds the LiquidContext a tag sees, located at `at`. */
  tagContext(): LiquidContext;
  /** True while a code body (`highlight`) is rendered: `{{ }}` output is code text, escaped later as code. */
  plainOutput?: boolean;
}

export const states = new WeakMap<Context, RenderState>();

export function renderState(ctx: Context): RenderState {
  const state = states.get(ctx);
  if (!state) throw new Error("Liquid rendered outside prepareBody");
  return state;
}

export function attachState(ctx: Context, state: RenderState): void {
  states.set(ctx, state);
}

/** Output that is already HTML (or a placeholder) and must not be escaped again. */
export class SafeOutput {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Liquid's text of a value: nil → "", arrays joined, as liquidjs's own `stringify`. */
export function liquidText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(liquidText).join("");
  return String(value);
}

/**
 * `{{ … }}` output is data (front matter, site.yml): attribute-escaped, which
 * is right in HTML text, in quoted attributes and in Markdown link targets.
 * Filters that make HTML (`markdownify`) return SafeOutput.
 */
function outputEscape(this: { context: Context }, value: unknown): string {
  if (value instanceof SafeOutput) return value.value;
  // Inside a code body the text becomes a code block's content, which the code renderer escapes.
  if (states.get(this.context)?.plainOutput) return liquidText(value);
  return escapeAttr(liquidText(value));
}

function endName(token: TopLevelToken): string | undefined {
  return (token as Partial<TagToken>).name?.startsWith("end") ? (token as TagToken).name : undefined;
}

/** Shift tokens until `{% endNAME %}`; throws (a located parse error) when it never comes. */
function takeUntilEnd(name: string, open: TagToken, remain: TopLevelToken[], take: (t: TopLevelToken) => void): void {
  while (remain.length) {
    const token = remain.shift()!;
    if (endName(token) === `end${name}`) return;
    take(token);
  }
  throw new Error(`\`{% ${name} %}\` is never closed: add {% end${name} %} after its content`);
  void open;
}

/** Wrap one of our tag objects as a liquidjs tag class. */
function adapt(tag: LiquidTag) {
  return class extends Tag {
    private readonly templates: Template[] = [];
    private body = "";
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      if (tag.kind === "block" || (tag.kind === "literal" && tag.liquidBody)) {
        takeUntilEnd(tag.name, token, remain, (t) => this.templates.push(liquid.parser.parseToken(t, remain)));
      } else if (tag.kind === "literal") {
        takeUntilEnd(tag.name, token, remain, (t) => (this.body += t.getText()));
      }
    }
    // Static analysis (the undefined `{{ }}` warnings of prepare.ts) walks a block's body as it walks liquidjs's own
    // blocks; liquidjs resumes this generator with `yield`, so it must be one even with nothing to wait for.
    // eslint-disable-next-line require-yield
    *children(): Generator<unknown, Template[]> {
      return this.templates;
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = renderState(ctx);
      const args = this.token.args;
      const at = this.token.begin;
      const here = () => {
        state.at = at;
        return state.tagContext();
      };
      if (tag.kind === "inline") {
        const out = tag.render(args, here());
        emitter.write(tag.output === "text" ? escapeAttr(out) : out ? here().fragment(out) : "");
      } else if (tag.kind === "literal" && tag.liquidBody) {
        // Jekyll renders a highlight block's body as Liquid first; `{% raw %}` keeps code that looks like Liquid.
        const outer = state.plainOutput;
        state.plainOutput = true;
        const body = liquidText(yield this.liquid.renderer.renderTemplates(this.templates, ctx));
        state.plainOutput = outer;
        emitter.write(tag.render(args, body, here()));
      } else if (tag.kind === "literal") {
        emitter.write(tag.render(args, this.body, here()));
      } else {
        // Blank lines end any paragraph or HTML block, so the body is Markdown of its own.
        emitter.write(`\n\n${tag.open(args, here())}\n\n`);
        yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
        emitter.write(`\n\n${tag.close(args, here())}\n\n`);
      }
    }
  };
}

/** Jekyll's URL filters. `site.url` comes from site.yml; the site is served at its root (no baseurl). */
function urlFilters(liquid: Liquid): void {
  const check = (ctx: Context, value: string, filter: string): string | undefined => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ""))?.[1]?.toLowerCase();
    if (scheme === undefined) return undefined;
    if (scheme === "http" || scheme === "https" || scheme === "mailto") return value;
    const state = renderState(ctx);
    state.tagContext().report({ severity: "error", message: `\`${filter}\` refuses \`${value}\`: only site paths and http(s) URLs`, hint: "link to a page of the site or an https:// URL" });
    return "";
  };
  liquid.registerFilter("relative_url", function (this: { context: Context }, input: unknown) {
    const value = liquidText(input);
    return check(this.context, value, "relative_url") ?? "/" + value.replace(/^\/+/, "");
  });
  liquid.registerFilter("absolute_url", function (this: { context: Context }, input: unknown) {
    const value = liquidText(input);
    const site = (this.context.environments as { site?: { url?: unknown } }).site;
    const origin = liquidText(site?.url).replace(/\/+$/, "");
    return check(this.context, value, "absolute_url") ?? origin + "/" + value.replace(/^\/+/, "");
  });
  liquid.registerFilter("markdownify", function (this: { context: Context }, input: unknown) {
    const ctx = renderState(this.context).tagContext();
    return new SafeOutput(ctx.fragment(ctx.renderMarkdown(liquidText(input))));
  });
  // Already-escaped results must not be escaped twice by outputEscape.
  for (const name of ["escape", "escape_once", "xml_escape"]) {
    const original = liquid.filters[name]!;
    liquid.registerFilter(name, function (this: unknown, ...args: unknown[]) {
      const handler = typeof original === "function" ? original : original.handler;
      return new SafeOutput(liquidText((handler as (...a: unknown[]) => unknown).apply(this, args)));
    });
  }
}

/** The one engine of the build, with every tag of ./tags registered. */
export function createEngine(): Liquid {
  const liquid = new Liquid({
    jekyllInclude: true,
    jekyllWhere: true,
    strictVariables: false,
    strictFilters: true,
    ownPropertyOnly: true,
    catchAllErrors: true,
    greedy: false,
    outputEscape,
    // Nothing is read from the file system by Liquid itself: includes are ./tags/include.ts.
    relativeReference: false,
  });
  // Jekyll has no `render`/`layout`/`block` tag in posts; liquidjs's would read files.
  for (const name of ["render", "layout", "block"]) delete (liquid.tags as Record<string, unknown>)[name];
  for (const tag of TAGS) liquid.registerTag(tag.name, adapt(tag));
  urlFilters(liquid);
  return liquid;
}
