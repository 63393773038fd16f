/** Where unknown citation keys are in the body, so the build can name each with its line. */
import { positionAt } from "../content/error.ts";
import type { RenderProblem } from "./pipeline.ts";

const CITE_TAG = /<d-cite\s+key\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function locateCitations(source: string, unknown: readonly string[], hasBibliography: boolean): RenderProblem[] {
  const wanted = new Set(unknown);
  const problems: RenderProblem[] = [];
  const hint = hasBibliography ? "check the key against the post's .bib file" : "add `bibliography: NAME.bib` to the front matter (file in assets/bibliography/)";
  for (const m of source.matchAll(CITE_TAG)) {
    for (const key of (m[1] ?? m[2] ?? "").split(",").map((k) => k.trim())) {
      if (wanted.has(key)) problems.push({ ...positionAt(source, m.index), severity: "error", message: `unknown citation key \`${key}\``, hint });
    }
  }
  // A key the tag scan cannot place (unusual markup) is still reported.
  for (const key of wanted) if (!problems.some((p) => p.message.includes(`\`${key}\``))) problems.push({ line: 0, col: 0, severity: "error", message: `unknown citation key \`${key}\``, hint });
  return problems;
}
