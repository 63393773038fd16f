/**
 * Fuzz (issue 8 "Done means"): mutations of the seed post (when ../shared is
 * present) and of a built-in fixture, their front matter, Liquid parameters
 * and .bib, through the real build; each post that builds is rendered as the
 * worker renders it and checked with an HTML5 parser. Asserts no crash, no
 * hang, every problem located, and sound pages (see support/fuzz/page-checks.ts).
 * Bounded: FUZZ_ITERATIONS cases or FUZZ_SECONDS, whichever comes first.
 * A failing case replays with FUZZ_ONLY=<n>.
 */
import { describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { routeShardKey } from "../../src/store/keys.ts";
import type { Live, RouteShard } from "../../src/store/types.ts";
import { pageFrame } from "../../src/routes/page-views.ts";
import { layout } from "../../src/views/layout.ts";
import { fuzzBases, fuzzCase, type FuzzCase } from "../support/fuzz/mutate.ts";
import { pageProblems } from "../support/fuzz/page-checks.ts";
import { bundlePageJson, type Bundle } from "../../src/store/bundle.ts";

const ITERATIONS = Number(process.env["FUZZ_ITERATIONS"] ?? 400);
const SECONDS = Number(process.env["FUZZ_SECONDS"] ?? 30);
const ONLY = process.env["FUZZ_ONLY"];
/** Liquid-parameter mutations (issue 8 §1, the "liquid" helper's fix): on unless FUZZ_LIQUID=0. */
const LIQUID_MUTATIONS = process.env["FUZZ_LIQUID"] !== "0";
/** One case may not take longer than this (a hang, or a quadratic blow-up). */
const CASE_MS = 5000;
const NOW = new Date("2026-11-29T12:00:00Z");

/** The post page as the worker renders it: route → blob → view → frame. */
export function renderPost(bundle: Bundle, path: string): string | null {
  const key = routeShardKey(bundle.manifest, path);
  const shard = JSON.parse(bundle.shards.find((e) => e.key === key)!.value) as RouteShard;
  const entry = shard[path];
  if (!entry || entry.kind !== "post") return null;
  const data = JSON.parse(bundlePageJson(bundle, path)!) as unknown;
  const live: Live = { ...bundle.manifest, previous: [] };
  return layout(live, pageFrame("post", data, live, path)).toString();
}

/** Everything wrong with one case: a crash, a hang, an unlocated problem, an unsound page. */
async function caseProblems(c: FuzzCase): Promise<string[]> {
  const out: string[] = [];
  const started = performance.now();
  let result;
  try {
    result = await buildSite(c.source, { now: NOW, drafts: true });
  } catch (err) {
    return [`build crashed: ${(err as Error).stack ?? String(err)}`];
  }
  const ms = performance.now() - started;
  if (ms > CASE_MS) out.push(`build took ${Math.round(ms)} ms`);
  for (const p of result.problems) {
    const inInput = p.file === c.postFile || p.file === c.bibFile;
    if (!inInput && p.file !== "content/site.yml") out.push(`problem in an unknown file: ${p.file}: ${p.message}`);
    if (inInput && p.line < 1) out.push(`unlocated: ${p.file}:${p.line}: ${p.message}`);
    if (/does not render|undefined|\[object Object\]|URI malformed|Maximum call stack/.test(p.message)) out.push(`internal error reported: ${p.message}`);
  }
  if (!result.bundle) {
    if (!result.problems.some((p) => p.severity === "error")) out.push("no bundle and no error");
    return out;
  }
  for (const post of result.published) {
    if (post.meta.redirect) continue;
    try {
      const html = renderPost(result.bundle, post.meta.path);
      if (html === null) out.push(`no post page at ${post.meta.path}`);
      else out.push(...pageProblems(html, { parseErrors: c.kind !== "body" }));
    } catch (err) {
      out.push(`render crashed: ${(err as Error).stack ?? String(err)}`);
    }
  }
  return out;
}

describe("fuzz: hostile posts through the real build and the worker's render", () => {
  const bases = fuzzBases();

  it("every base post builds and renders soundly unmutated", async () => {
    for (const base of bases) {
      const c = fuzzCase([base], 0, { liquid: true });
      const clean = { ...c, name: `${base.name} unmutated`, source: { ...c.source, posts: [{ file: c.postFile, text: base.post }], bibliographyFiles: { [base.bibName]: { file: c.bibFile, text: base.bib } } } };
      expect(await caseProblems(clean), clean.name).toEqual([]);
    }
  });

  it(`${ONLY ? `case ${ONLY}` : `up to ${ITERATIONS} cases in ${SECONDS} s`}, none with a problem`, { timeout: (SECONDS + 30) * 1000 }, async () => {
    const deadline = performance.now() + SECONDS * 1000;
    const failures: string[] = [];
    let ran = 0;
    const which = ONLY ? [Number(ONLY)] : Array.from({ length: ITERATIONS }, (_, i) => i);
    for (const i of which) {
      if (performance.now() > deadline) break;
      const c = fuzzCase(bases, i, { liquid: LIQUID_MUTATIONS });
      const problems = await caseProblems(c);
      ran++;
      if (problems.length) failures.push(`${c.name}\n  ${problems.join("\n  ")}`);
    }
    console.log(`fuzz: ${ran} cases over ${bases.map((b) => b.name).join(" + ")}, ${failures.length} failing`);
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThanOrEqual(Math.min(which.length, 50));
  });
});
