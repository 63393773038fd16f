/**
 * The line a build prints about posts it leaves out, as Jekyll does by
 * default (`future: false`, `published: false`): without it a post dated
 * tomorrow disappears from the site with no word. A future post goes live
 * with the first build after its date: the edge serves published versions
 * and never looks at the clock.
 */
import type { PostRecord } from "../../src/content/types.ts";

/** Files named in full before "and N more". */
const NAMED = 3;

/** One line naming what `heldBack` holds, or null when nothing was held back. */
export function heldBackNote(heldBack: { future: readonly PostRecord[]; unpublished: readonly PostRecord[] }): string | null {
  const parts: string[] = [];
  const { future, unpublished } = heldBack;
  if (future.length) {
    const named = future.slice(0, NAMED).map((p) => `${p.sourceFile} (${p.meta.date.slice(0, 10)})`).join(", ");
    const more = future.length > NAMED ? ` and ${future.length - NAMED} more` : "";
    parts.push(`${future.length} dated in the future, published by the first build after its date: ${named}${more}`);
  }
  if (unpublished.length) parts.push(`${unpublished.length} with \`published: false\``);
  return parts.length ? `not published (--drafts includes them): ${parts.join("; ")}` : null;
}
