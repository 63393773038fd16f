/**
 * Content pages and documents. The URL scheme (src/content/urls.ts) is
 * declared here so malformed paths 404 without touching KV (post paths, set
 * by the site's permalink, after reading the pointer only); every matched
 * path is then looked up in the live version's route table: three KV reads
 * whatever the site's size. Pages render into the site frame; documents
 * (feeds, sitemap, robots.txt) were written whole by the build.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "./app-env.ts";
import { layout } from "../views/layout.ts";
import { pageFrame } from "./page-views.ts";
import { withStoredDocument } from "./legacy-posts.ts";
import { statusResponse } from "./status.ts";
import { DOCUMENT_CONTENT_TYPES, isDocumentKind } from "../store/document-types.ts";
import { contentSecurityPolicy } from "../security/csp.ts";
import { DEFAULT_PERMALINK, permalinkMatcher } from "../content/permalink.ts";
import type { Live } from "../store/types.ts";

async function servePage(c: Context<AppEnv>): Promise<Response> {
  const store = c.get("store");
  const live = await store.current();
  if (!live) return statusResponse(c, 503);
  const path = c.req.path;
  // A damaged store throws StoreFault here: app.ts answers with a cached copy or a 503.
  const found = await store.route(path);
  if (!found) return statusResponse(c, 404);
  const { entry, data, from } = found;
  if (entry.kind === "redirect") return c.redirect(entry.to, 301);
  if (isDocumentKind(entry.kind)) return c.body(data as string, 200, { "Content-Type": DOCUMENT_CONTENT_TYPES[entry.kind] });
  // Frame and page from the same version, also when a fault made it an earlier one.
  const manifest: Live = from.version === live.version ? live : { ...from, previous: [] };
  const frame = pageFrame(entry.kind, await withStoredDocument(entry.kind, data), manifest, path);
  // Stored with the page in the cache, so a hit carries the policy fitted to it.
  c.header("Content-Security-Policy", contentSecurityPolicy(frame.csp));
  return c.html(layout(manifest, frame).toString());
}

/** Compiled post-path matchers by permalink pattern (one per site; bounded by the versions a worker sees). */
const matchers = new Map<string, RegExp>();

/**
 * Posts live wherever the site's `permalink` puts them (src/content/permalink.ts),
 * so their route is generic: a path the live version's pattern cannot produce
 * 404s after the pointer read alone; any other is looked up like every page
 * (three KV reads for a post), and a path no post has 404s.
 */
async function servePost(c: Context<AppEnv>): Promise<Response> {
  const live = await c.get("store").current();
  if (!live) return statusResponse(c, 503);
  const pattern = live.site.permalink ?? DEFAULT_PERMALINK;
  let matcher = matchers.get(pattern);
  if (!matcher) {
    if (matchers.size > 16) matchers.clear();
    matcher = permalinkMatcher(pattern);
    matchers.set(pattern, matcher);
  }
  if (!matcher.test(c.req.path)) return statusResponse(c, 404);
  return servePage(c);
}

const PAGE_N = ":n{[1-9][0-9]*}";

export const pages = new Hono<AppEnv>()
  .get("/", servePage)
  .get("/blog/", servePage)
  .get("/blog/page/1/", (c) => c.redirect("/blog/", 301))
  .get(`/blog/page/${PAGE_N}/`, servePage)
  .get("/blog/:year{[0-9]{4}}/", servePage)
  .get(`/blog/:year{[0-9]{4}}/page/${PAGE_N}/`, servePage)
  .get("/blog/tag/:tag/", servePage)
  .get(`/blog/tag/:tag/page/${PAGE_N}/`, servePage)
  .get("/blog/tag/:tag/feed.xml", servePage)
  .get("/blog/tag/:tag/feed.json", servePage)
  .get("/blog/category/:category/", servePage)
  .get(`/blog/category/:category/page/${PAGE_N}/`, servePage)
  .get("/feed.xml", servePage)
  .get("/atom.xml", servePage)
  .get("/feed.json", servePage)
  .get("/sitemap.xml", servePage)
  .get("/sitemaps/:n{[1-9][0-9]*\\.xml}", servePage)
  .get("/robots.txt", servePage)
  .get("*", servePost);
