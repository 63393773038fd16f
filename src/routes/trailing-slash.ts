/**
 * `/blog` → 301 `/blog/` (al-folio's URLs all end in a slash). Paths whose last
 * segment has a dot (`/feed.xml`) are files and left alone. The Location is
 * relative, so the response does not depend on the request's Host and is safe to cache.
 */
import type { MiddlewareHandler } from "hono";

export function appendTrailingSlash(): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const last = path.slice(path.lastIndexOf("/") + 1);
    if ((c.req.method === "GET" || c.req.method === "HEAD") && last !== "" && !last.includes(".")) {
      const query = new URL(c.req.url).search;
      return c.redirect(encodeURI(path) + "/" + query, 301);
    }
    await next();
  };
}
