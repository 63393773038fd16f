/**
 * Reference links whose label is defined nowhere: `[text][id]` and
 * `[text][]` with no `[id]: URL` line in the post. Markdown leaves them as
 * literal brackets without a word, which readers then see; the build warns.
 * Labels match as CommonMark §4.7 says: case-insensitive, inner whitespace collapsed.
 */
import type { RenderProblem } from "../markdown/pipeline.ts";
import { positionAt } from "./error.ts";
import { blankCode } from "./unclosed-html.ts";

const normalise = (label: string): string => label.trim().replace(/\s+/g, " ").toLowerCase();

export function undefinedReferenceProblems(body: string): RenderProblem[] {
  // A reference link has `][`; blanking code and Liquid only removes text: most bodies stop here.
  if (!body.includes("][")) return [];
  // Code and Liquid (`{{ a[0][1] }}`) are not links.
  const text = blankCode(body).replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (s) => s.replace(/[^\n]/g, " "));
  const defined = new Set<string>();
  for (const m of text.matchAll(/^ {0,3}\[([^\]\n]+)\]:/gm)) defined.add(normalise(m[1]!));
  const problems: RenderProblem[] = [];
  for (const m of text.matchAll(/\[([^\]\n]*)\]\[([^\]\n]*)\]/g)) {
    const label = m[2]!.trim() ? m[2]! : m[1]!;
    // Footnotes (`[^1]`) are kramdown's, and an escaped bracket is text.
    if (!label.trim() || label.startsWith("^") || text[m.index - 1] === "\\") continue;
    if (defined.has(normalise(label))) continue;
    problems.push({ ...positionAt(body, m.index), severity: "warning", message: `reference link \`[${label}]\` is not defined, so it shows as plain text`, hint: `add a line \`[${label}]: https://…\` to the post` });
    if (problems.length >= 20) break;
  }
  return problems;
}
