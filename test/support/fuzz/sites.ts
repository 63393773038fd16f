/** The fuzz sample handed from global setup (Node) to the worker test (workerd): types only, no Node imports. */
import type { Bundle } from "../../../src/store/bundle.ts";

export interface FuzzSite {
  name: string;
  kind: string;
  bundle: Bundle;
  /** Paths of its post pages (and redirects). */
  paths: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    fuzzSites: FuzzSite[];
  }
}
