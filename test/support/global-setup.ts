/**
 * Runs the real build (load → validate → render → bundle) on every fixture
 * site in Node, and hands the bundles to the worker tests, which publish them
 * into the runtime's real KV with the build's own publish protocol.
 * Sites whose content has errors are provided with their problems instead.
 * Real posts outside the repo (../shared) are added when present: see external-sites.ts.
 */
import type { TestProject } from "vitest/node";
import { join } from "node:path";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";
import { SITES_DIR, fixtureSiteNames } from "./fixture-sites.ts";
import type { BuiltSites } from "./built-sites.ts";
import { externalSites } from "./external-sites.ts";
import { importedJekyllSite } from "./jekyll-site.ts";

/** Fixed clock so "future-dated" fixtures stay in the future. */
export const FIXTURE_NOW = new Date("2026-11-29T12:00:00Z");

export default async function setup(project: TestProject): Promise<void> {
  const sites: BuiltSites = {};
  const dirs: [string, string][] = [...fixtureSiteNames().map((name): [string, string] => [name, join(SITES_DIR, name)]), ...Object.entries(externalSites())];
  // A Jekyll site folder run through `npm run import`, then built like the others.
  const imported = await importedJekyllSite();
  if (imported) dirs.push(["imported", imported.dir]);
  for (const [name, dir] of dirs) {
    const loaded = await loadContent(dir);
    const result = await buildSite(loaded.source, { now: FIXTURE_NOW });
    sites[name] = { bundle: result.bundle, problems: result.problems, assets: loaded.source.assets };
  }
  project.provide("sites", sites);
  project.provide("importReport", imported?.report ?? null);
}
