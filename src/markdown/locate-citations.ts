/** Where unknown citation keys are in the body, so the build can name each with its line. */
import { positionAt } from "../content/error.ts";
import type { RenderProblem } from "./pipeline.ts";

const CITE_TAG = /<d-cite\s+key\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to three keys of the bibliography close to `key` (a typo, another case), closest first. */
export function similarKeys(key: string, known: readonly string[]): string[] {
  const lower = key.toLowerCase();
  const limit = Math.max(2, Math.floor(key.length / 4));
  return known
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase(), limit) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || (x.k < y.k ? -1 : 1))
    .slice(0, 3)
    .map(({ k }) => k);
}

/**
 * Located errors for `unknown` keys of `<d-cite key>` tags in `source`.
 *
 * @param knownKeys - the keys the post's bibliography has; undefined when the post names no bibliography
 */
export function locateCitations(source: string, unknown: readonly string[], knownKeys: readonly string[] | undefined): RenderProblem[] {
  const wanted = new Set(unknown);
  const problems: RenderProblem[] = [];
  const hint = (key: string): string => {
    if (!knownKeys) return "add `bibliography: NAME.bib` to the front matter (file in assets/bibliography/)";
    const near = similarKeys(key, knownKeys);
    return near.length ? `did you mean ${near.map((k) => `\`${k}\``).join(" or ")}? (keys are those of the post's \`bibliography:\` file)` : `the post's \`bibliography:\` file has no entry \`${key}\`: add it there, or check the key`;
  };
  const report = (at: { line: number; col: number }, key: string) => problems.push({ ...at, severity: "error", message: `unknown citation key \`${key}\``, hint: hint(key) });
  for (const m of source.matchAll(CITE_TAG)) {
    for (const key of (m[1] ?? m[2] ?? "").split(",").map((k) => k.trim())) {
      if (wanted.has(key)) report(positionAt(source, m.index), key);
    }
  }
  // A key the tag scan cannot place (unusual markup) is still reported.
  for (const key of wanted) if (!problems.some((p) => p.message.includes(`\`${key}\``))) report({ line: 0, col: 0 }, key);
  return problems;
}
