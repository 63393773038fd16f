/**
 * Global setup for the worker half of the fuzz test: builds a sample of the
 * fuzz corpus (support/fuzz/mutate.ts) with the real build in Node and
 * provides the bundles that built, for test/integration/fuzz.test.ts to
 * publish and request from the real worker.
 */
import type { TestProject } from "vitest/node";
import type { FuzzSite } from "./fuzz/sites.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { fuzzBases, fuzzCase } from "./fuzz/mutate.ts";
import { FIXTURE_NOW } from "./global-setup.ts";

/** Cases of the corpus sent through the worker (the build-side test runs many more). */
export const WORKER_SAMPLE = 24;

export default async function setup(project: TestProject): Promise<void> {
  const bases = fuzzBases();
  const sites: FuzzSite[] = [];
  // Spread over the corpus (every 7th case), so the sample differs from the first cases the unit test runs.
  for (let i = 0; sites.length < WORKER_SAMPLE && i < WORKER_SAMPLE * 20; i++) {
    const c = fuzzCase(bases, 1000 + i * 7, { liquid: true });
    const result = await buildSite(c.source, { now: FIXTURE_NOW, drafts: true });
    if (result.bundle) sites.push({ name: c.name, kind: c.kind, bundle: result.bundle, paths: result.published.map((p) => p.meta.path) });
  }
  project.provide("fuzzSites", sites);
}
