import type { Bundle } from "../../src/store/bundle.ts";
import type { ContentError } from "../../src/content/error.ts";
import type { ImportReport } from "../../scripts/lib/import/import-site.ts";

/** `assets`: the site's files under assets/ (`assets/img/x.jpg`), so tests can check that pages link to files that exist. */
export type BuiltSites = Record<string, { bundle: Bundle | null; problems: ContentError[]; assets: string[] }>;

declare module "vitest" {
  export interface ProvidedContext {
    sites: BuiltSites;
    /** What `npm run import` reported for the `imported` site (test/support/jekyll-site.ts), null without ../shared. */
    importReport: ImportReport | null;
  }
}
