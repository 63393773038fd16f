/**
 * Shape checks for what the worker reads from KV. KV holds what the build
 * wrote, but a key can be garbled, truncated or half-deleted (a bad manual
 * edit, an interrupted publish): a value that fails these checks is a store
 * fault, never something a view gets to render as "undefined".
 * Checks cover what the views rely on, not every field.
 */
import type { Live, Manifest, RouteEntry, RouteKind, RouteShard } from "./types.ts";
import { isDocumentKind } from "./document-types.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** A manifest (or the pointer, which extends it) with a site the frame can be drawn from. */
export function isManifest(v: unknown): v is Manifest {
  if (!isObj(v) || !isStr(v["version"]) || !/^[0-9a-f]{1,64}$/.test(v["version"])) return false;
  const shards = v["shards"];
  if (!isStrArray(shards) || shards.length < 1 || !shards.every((h) => /^[0-9a-f]{8,64}$/.test(h)) || !isStr(v["stylesheet"])) return false;
  const site = v["site"];
  return isObj(site) && isStr(site["title"]) && isStr(site["url"]) && isStr(site["description"]) && Array.isArray(site["nav"]) && isStr(site["footer"]);
}

/** The pointer; `previous` may be absent in a hand-made pointer (then none). */
export function isLive(v: unknown): v is Live {
  if (!isManifest(v)) return false;
  const previous = (v as unknown as Obj)["previous"];
  return previous === undefined || isStrArray(previous);
}

export function isShard(v: unknown): v is RouteShard {
  return isObj(v);
}

// A Location a response may carry: a site path or an absolute http(s) URL, no controls or spaces.
const REDIRECT_TARGET = /^(?:\/(?!\/)|https?:\/\/)[^\u0000-\u0020\u007f]*$/;

export function isRouteEntry(v: unknown): v is RouteEntry {
  if (!isObj(v) || !isStr(v["kind"])) return false;
  if (v["kind"] === "redirect") return isStr(v["to"]) && REDIRECT_TARGET.test(v["to"]);
  if (!isStr(v["blob"]) || !/^[0-9a-f]{8,64}$/.test(v["blob"])) return false;
  // A packed page's slot (pack.ts); absent for a blob of its own and in versions before packs.
  const at = v["at"];
  return at === undefined || (Array.isArray(at) && at.length === 2 && Number.isSafeInteger(at[0]) && Number.isSafeInteger(at[1]) && (at[0] as number) >= 1 && (at[1] as number) >= 1);
}

/** Page data of a route's kind, as its view reads it. */
export function isPageData(kind: RouteKind, v: unknown): boolean {
  if (isDocumentKind(kind)) return isStr(v);
  if (!isObj(v)) return false;
  switch (kind) {
    case "post": {
      const post = v["post"];
      // The rendered body the build stored, or (blobs of an earlier engine) the body to render.
      const doc = v["doc"];
      if (!isObj(post) || !(doc === undefined ? isStr(post["body"]) : isObj(doc) && isStr(doc["html"]) && isStrArray(doc["footnotes"]) && isStrArray(doc["citations"]) && Array.isArray(doc["headings"]))) return false;
      const meta = post["meta"];
      return isObj(meta) && isStr(meta["title"]) && isStr(meta["date"]) && isStrArray(meta["tags"]) && Array.isArray(meta["authors"]);
    }
    case "list":
      return isStr(v["title"]) && Array.isArray(v["posts"]);
    case "home":
      return Array.isArray(v["latest"]) && Array.isArray(v["featured"]);
    default:
      return false;
  }
}
