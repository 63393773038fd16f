/** `{% include NAME params %}`: the al-folio includes posts use, by file name (`.liquid` or `.html`). */
import type { InlineTag, LiquidContext } from "../types.ts";
import { parseParams, type Params } from "../params.ts";
import { figure } from "./figure.ts";
import { video } from "./video.ts";
import { audio } from "./audio.ts";

const INCLUDES: Record<string, (params: Params, ctx: LiquidContext, tag: string) => string> = { figure, video, audio };

export const include: InlineTag = {
  kind: "inline",
  name: "include",
  render(args, ctx) {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
    const file = m?.[1] ?? "";
    const base = /^([\w-]+)\.(?:liquid|html)$/.exec(file)?.[1];
    const render = base ? INCLUDES[base] : undefined;
    if (!render) {
      ctx.report({ severity: "error", message: `unknown include \`${file || "(none)"}\``, hint: `edgefolio provides ${Object.keys(INCLUDES).map((n) => `${n}.liquid`).join(", ")}` });
      return "";
    }
    return render(parseParams(m![2]!, ctx, file), ctx, file);
  },
};
