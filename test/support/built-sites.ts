import type { Bundle } from "../../src/store/bundle.ts";
import type { ContentError } from "../../src/content/error.ts";

export type BuiltSites = Record<string, { bundle: Bundle | null; problems: ContentError[] }>;

declare module "vitest" {
  export interface ProvidedContext {
    sites: BuiltSites;
  }
}
