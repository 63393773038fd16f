/**
 * `{% include video.liquid … %}`: as in al-folio, a path ending in .mp4,
 * .webm or .ogg becomes `<video>`, anything else (YouTube, Vimeo embed URLs)
 * an `<iframe>`. Site-relative paths must exist under assets/.
 */
import { html, raw, url } from "../../escape/html.ts";
import type { LiquidContext } from "../types.ts";
import { checkKnown, flag, mediaSource, sizeStyle, text, type Params } from "../params.ts";
import { attr } from "./figure.ts";

const KNOWN = ["path", "cache_bust", "class", "width", "height", "min-width", "max-width", "min-height", "max-height", "autoplay", "controls", "muted", "loop", "playsinline", "poster", "caption", "title", "alt"];

export function video(params: Params, ctx: LiquidContext, tag = "video.liquid"): string {
  checkKnown(params, KNOWN, tag, ctx);
  const path = text(params, "path");
  if (!path) {
    ctx.report({ severity: "error", message: `\`${tag}\` needs \`path\``, hint: 'add path="assets/video/…" or an embed URL' });
    return "";
  }
  const { src } = mediaSource(path, tag, ctx);
  const isFile = /\.(?:mp4|webm|ogg)$/i.test(path.replace(/[?#].*$/, ""));
  // Browsers only autoplay muted video, so autoplay implies muted.
  const common = html`${attr("class", text(params, "class"))}${attr("width", text(params, "width"))}${attr("height", text(params, "height"))}${attr("style", sizeStyle(params, tag, ctx))}${attr("title", text(params, "title"))}`;
  const caption = text(params, "caption");
  const poster = text(params, "poster");
  const player = !isFile
    ? html`<iframe src="${url(src)}"${common} frameborder="0" loading="lazy" allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>`
    : html`<video src="${url(src)}"${common}${poster ? html` poster="${url(poster)}"` : ""}${["autoplay", "controls", "loop", "playsinline"].map((f) => (flag(params, f) ? ` ${f}` : ""))}${flag(params, "muted") || flag(params, "autoplay") ? " muted" : ""}></video>`;
  return html`<figure>${player}${caption ? html`<figcaption class="caption">${raw(ctx.inlineMarkdown(caption))}</figcaption>` : ""}</figure>`.toString();
}
