/** Parameters of an include: `path="a.jpg" class='x y' zoomable=true width=300`. */
import type { LiquidContext } from "./types.ts";

export type Params = Map<string, string | boolean>;

const PARAM = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=]+))/y;

/**
 * Parse `key=value` pairs as Jekyll's include does. Quoted values are text;
 * unquoted ones are `true`, `false`, a number, or a Liquid variable
 * (`path=page.img`) whose value is taken (undefined: reported, left out).
 */
export function parseParams(text: string, ctx: LiquidContext, tag: string): Params {
  const params: Params = new Map();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    PARAM.lastIndex = i;
    const m = PARAM.exec(text);
    if (!m) {
      ctx.report({ severity: "error", message: `cannot read the parameters of \`${tag}\` from \`${text.slice(i)}\``, hint: 'write parameters as key="value"' });
      break;
    }
    const [, key, dq, sq, bare] = m;
    if (bare === undefined) params.set(key!, (dq ?? sq)!);
    else if (bare === "true" || bare === "false") params.set(key!, bare === "true");
    else if (/^-?\d+(\.\d+)?$/.test(bare)) params.set(key!, bare);
    else {
      const value = ctx.evaluate(bare);
      if (value === undefined || value === null) ctx.report({ severity: "warning", message: `\`${key}=${bare}\` in \`${tag}\`: \`${bare}\` is not defined`, hint: `define it, or quote the value: ${key}="${bare}"` });
      else params.set(key!, typeof value === "boolean" ? value : String(value));
    }
    i = PARAM.lastIndex;
  }
  return params;
}

/** A text parameter (numbers count as text); booleans and absent ones give undefined. */
export function text(params: Params, key: string): string | undefined {
  const v = params.get(key);
  return typeof v === "string" ? v : undefined;
}

export function flag(params: Params, key: string): boolean {
  const v = params.get(key);
  return v === true || v === "true";
}

/** Warn about parameters the include does not know (Liquid ignores them; a typo is likely). */
export function checkKnown(params: Params, known: readonly string[], tag: string, ctx: LiquidContext): void {
  for (const key of params.keys()) {
    if (!known.includes(key)) ctx.report({ severity: "warning", message: `\`${tag}\` has no parameter \`${key}\`; it is ignored`, hint: `known parameters: ${known.join(", ")}` });
  }
}

const CSS_LENGTH = /^\d+(\.\d+)?(px|%|em|rem|vw|vh|ch)?$/;

/**
 * al-folio's `min-width`/`max-width`/`min-height`/`max-height` as an inline
 * style (as attributes they do nothing). Values must be plain CSS lengths, so
 * nothing else can get into the style attribute.
 */
export function sizeStyle(params: Params, tag: string, ctx: LiquidContext): string | undefined {
  const rules: string[] = [];
  for (const key of ["min-width", "max-width", "min-height", "max-height"]) {
    const v = text(params, key);
    if (v === undefined) continue;
    if (CSS_LENGTH.test(v.trim())) rules.push(`${key}: ${v.trim()}${/^\d+(\.\d+)?$/.test(v.trim()) ? "px" : ""}`);
    else ctx.report({ severity: "error", message: `\`${key}="${v}"\` in \`${tag}\` is not a CSS length`, hint: 'write a length such as "300px" or "50%"' });
  }
  return rules.length ? rules.join("; ") : undefined;
}

/** A site-relative path (`assets/img/x.jpg`) that must exist, or an absolute http(s) URL. */
export function mediaSource(path: string, tag: string, ctx: LiquidContext): { src: string; external: boolean } {
  if (/^https?:\/\//i.test(path)) return { src: path, external: true };
  const rel = path.replace(/^\/+/, "");
  if (ctx.assetExists && !ctx.assetExists(rel)) {
    ctx.report({ severity: "error", message: `\`${tag}\`: file \`${rel}\` not found`, hint: `put it at content/${rel}, or fix the path` });
  }
  return { src: "/" + rel, external: false };
}
