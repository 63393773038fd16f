/**
 * `{% include figure.liquid … %}` (or `figure.html`): al-folio's figure, as
 * `<figure><picture><img …></picture><figcaption class="caption">…</figcaption></figure>`.
 * Every value is data and attribute-escaped; the caption is inline Markdown
 * rendered once inside `<figcaption>` (so it can hold a citation), and the
 * default `alt` is the caption's text without markup.
 */
import { html, raw, url } from "../../escape/html.ts";
import { Lexer } from "marked";
import type { LiquidContext } from "../types.ts";
import { plainText } from "../../markdown/plain-text.ts";
import { checkKnown, flag, mediaSource, sizeStyle, text, type Params } from "../params.ts";

const KNOWN = ["path", "url", "class", "alt", "title", "caption", "zoomable", "width", "height", "min-width", "max-width", "min-height", "max-height", "loading", "sizes", "slot", "cache_bust"];

export function figure(params: Params, ctx: LiquidContext, tag = "figure.liquid"): string {
  checkKnown(params, KNOWN, tag, ctx);
  const path = text(params, "path");
  const external = text(params, "url");
  if (!path && !external) {
    ctx.report({ severity: "error", message: `\`${tag}\` needs \`path\` (a file under assets/) or \`url\``, hint: 'add path="assets/img/…"' });
    return "";
  }
  if (!path && !/^https?:\/\//i.test(external!)) ctx.report({ severity: "error", message: `\`${tag}\`: \`url\` must be an http(s) URL, not \`${external}\``, hint: 'use path="assets/…" for files of the site' });
  const src = path ? mediaSource(path, tag, ctx).src : external!;
  const caption = text(params, "caption");
  if (text(params, "alt") === undefined && !caption) {
    ctx.report({ severity: "warning", message: `\`${tag}\` has no \`alt\` text`, hint: 'add alt="…" saying what the picture shows (read aloud by screen readers, shown when it fails to load)' });
  }
  const { width, height } = pictureSize(params, path ? src.slice(1) : undefined, ctx);
  const img = html`<img src="${url(src)}"${attr("class", text(params, "class"))}${attr("width", width)}${attr("height", height)}${attr("style", sizeStyle(params, tag, ctx))}${attr("alt", text(params, "alt") ?? (caption ? captionText(caption) : ""))}${attr("title", text(params, "title"))}${attr("sizes", text(params, "sizes"))} loading="${text(params, "loading") ?? "lazy"}"${flag(params, "zoomable") ? html` data-zoomable` : ""}>`;
  return html`<figure${attr("slot", text(params, "slot"))}><picture>${img}</picture>${caption ? html`<figcaption class="caption">${raw(ctx.inlineMarkdown(caption))}</figcaption>` : ""}</figure>`.toString();
}

/**
 * `width`/`height` as written, else from the file (the build reads every
 * picture's size): with both, the browser reserves the picture's box before
 * it loads, so nothing below it moves (CLS 0). A lone numeric `width` gets
 * the height of the file's aspect ratio.
 */
function pictureSize(params: Params, rel: string | undefined, ctx: LiquidContext): { width?: string; height?: string } {
  const width = text(params, "width");
  const height = text(params, "height");
  const file = rel === undefined ? undefined : ctx.imageSize?.(rel);
  if (!file || (width !== undefined && height !== undefined)) return { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
  if (width === undefined && height === undefined) return { width: String(file.width), height: String(file.height) };
  if (width !== undefined && /^\d+$/.test(width)) return { width, height: String(Math.round((Number(width) * file.height) / file.width)) };
  return { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
}

/** ` name="value"`, or nothing when the value is absent. */
export function attr(name: string, value: string | undefined) {
  return value === undefined ? "" : html` ${name}="${value}"`;
}

/** The visible text of an inline-Markdown caption, for `alt`: no markup, no citation marks. */
function captionText(caption: string): string {
  const withoutMarks = caption.replace(/<d-cite\b[^>]*?(?:\/>|>\s*<\/d-cite>)|<d-footnote>[\s\S]*?<\/d-footnote>/g, "");
  return plainText(Lexer.lexInline(withoutMarks, { gfm: true }))
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
