/**
 * A closing tally of a long problem list, by kind, so an author who sees
 * thirty lines scroll by learns "20 figures lack alt text" without counting.
 * Problems carry no kind code, so a kind is the message's shape: its
 * backticked names, quoted text and numbers blanked (`figure.liquid` and
 * `figure.html` lacking alt text are one kind; so are two date mismatches).
 */
import type { ContentError } from "../../src/content/error.ts";

/** How many problems of one severity a list must hold before the tally is worth its lines. */
export const SUMMARY_THRESHOLD = 6;

/** The shape of a message: what stays when names, quotes and numbers are blanked. */
export function messageShape(message: string): string {
  return message
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"/g, "\"…\"")
    .replace(/\d+/g, "#");
}

/**
 * Lines tallying `problems` of `severity` by kind, most frequent first (ties in
 * order of first appearance), each with its first message as the example:
 * `  20 × \`figure.liquid\` has no \`alt\` text`. Empty when the list has
 * fewer than SUMMARY_THRESHOLD of that severity or only one kind (the list itself says it).
 */
export function problemSummary(problems: readonly ContentError[], severity: ContentError["severity"]): string[] {
  const chosen = problems.filter((p) => p.severity === severity);
  if (chosen.length < SUMMARY_THRESHOLD) return [];
  const kinds = new Map<string, { example: string; count: number; varied: boolean }>();
  for (const p of chosen) {
    const shape = messageShape(p.message);
    const kind = kinds.get(shape);
    if (!kind) kinds.set(shape, { example: p.message, count: 1, varied: false });
    else {
      kind.count++;
      kind.varied ||= p.message !== kind.example;
    }
  }
  if (kinds.size < 2) return [];
  const sorted = [...kinds.values()].sort((a, b) => b.count - a.count);
  const width = String(sorted[0]!.count).length;
  return [
    `${chosen.length} ${severity}s, by kind:`,
    ...sorted.map((k) => `  ${String(k.count).padStart(width)} × ${k.example}${k.varied ? " (and the like)" : ""}`),
  ];
}
