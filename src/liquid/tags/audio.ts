/** `{% include audio.liquid … %}`: `<audio>` for a file under assets/ or an http(s) URL, as in al-folio. */
import { html, raw, url } from "../../escape/html.ts";
import type { LiquidContext } from "../types.ts";
import { checkKnown, flag, mediaSource, text, type Params } from "../params.ts";
import { attr } from "./figure.ts";

const KNOWN = ["path", "cache_bust", "class", "alt", "autoplay", "controls", "muted", "loop", "caption", "title"];

export function audio(params: Params, ctx: LiquidContext, tag = "audio.liquid"): string {
  checkKnown(params, KNOWN, tag, ctx);
  const path = text(params, "path");
  if (!path) {
    ctx.report({ severity: "error", message: `\`${tag}\` needs \`path\``, hint: 'add path="assets/audio/…"' });
    return "";
  }
  const { src } = mediaSource(path, tag, ctx);
  const caption = text(params, "caption");
  return html`<figure><audio src="${url(src)}"${attr("class", text(params, "class"))}${attr("title", text(params, "title"))}${["autoplay", "controls", "muted", "loop"].map((f) => (flag(params, f) ? ` ${f}` : ""))}></audio>${caption ? html`<figcaption class="caption">${raw(ctx.inlineMarkdown(caption))}</figcaption>` : ""}</figure>`.toString();
}
