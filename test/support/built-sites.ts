import type { Bundle } from "../../src/store/bundle.ts";
import type { ContentError } from "../../src/content/error.ts";
import type { GeneratedSiteStats } from "./generated-sites.ts";

export type BuiltSites = Record<string, { bundle: Bundle | null; problems: ContentError[] }>;

declare module "vitest" {
  export interface ProvidedContext {
    sites: BuiltSites;
    /** Size figures of the generated sites (by site name), for the scale tests. */
    generatedStats: Record<string, GeneratedSiteStats>;
  }
}
