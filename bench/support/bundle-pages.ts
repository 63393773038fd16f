/** Read a page's stored data back out of a bundle, the way the worker finds it (route shard → blob or pack slice). */
import { bundlePageJson, type Bundle } from "../../src/store/bundle.ts";

export function pageData<T>(bundle: Bundle, path: string): T {
  const json = bundlePageJson(bundle, path);
  if (json === null) throw new Error(`no page at ${path}`);
  return JSON.parse(json) as T;
}
