/**
 * Global setup for the scale tests: builds the generated sites of 10 and
 * 10,000 posts with the real build (about 5 s for the large one) and
 * provides them as `generatedSites`. Kept apart from global-setup.ts, which
 * builds the fixture folders.
 */
import type { TestProject } from "vitest/node";
import { FIXTURE_NOW } from "./global-setup.ts";
import { buildGeneratedSite } from "./generated-sites.ts";
import { GENERATED_SIZES, generatedSiteName } from "./generated-site-paths.ts";

export default async function setup(project: TestProject): Promise<void> {
  const sites: Record<string, Awaited<ReturnType<typeof buildGeneratedSite>>> = {};
  for (const posts of GENERATED_SIZES) sites[generatedSiteName(posts)] = await buildGeneratedSite(posts, FIXTURE_NOW);
  project.provide("generatedSites", sites);
}
