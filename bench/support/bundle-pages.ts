/** Read a page's stored data back out of a bundle, the way the worker finds it (route shard → blob). */
import type { Bundle } from "../../src/store/bundle.ts";
import { blobKey, routeShardKey } from "../../src/store/keys.ts";
import type { RouteShard } from "../../src/store/types.ts";

export function pageData<T>(bundle: Bundle, path: string): T {
  const key = routeShardKey(bundle.manifest, path);
  const shard = bundle.shards.find((e) => e.key === key);
  const entry = shard ? (JSON.parse(shard.value) as RouteShard)[path] : undefined;
  if (!entry || entry.kind === "redirect") throw new Error(`no page at ${path}`);
  const blob = bundle.blobs.find((b) => b.key === blobKey(entry.blob));
  if (!blob) throw new Error(`no blob for ${path}`);
  return JSON.parse(blob.value) as T;
}
