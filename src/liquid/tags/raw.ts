/** `{% raw %}…{% endraw %}`: the body is emitted literally, Liquid tags and all (it is still Markdown). */
import type { LiteralTag } from "../types.ts";

export const raw: LiteralTag = { kind: "literal", name: "raw", render: (_args, body) => body };

/** `{% comment %}…{% endcomment %}`: dropped. */
export const comment: LiteralTag = { kind: "literal", name: "comment", render: () => "" };
