/** The worker: middleware, routes, and status pages. */
import { Hono } from "hono";
import type { AppEnv } from "./routes/app-env.ts";
import { ContentStore } from "./store/content-store.ts";
import { appendTrailingSlash } from "./routes/trailing-slash.ts";
import { pages } from "./routes/pages.ts";
import { statusResponse, unavailableResponse } from "./routes/status.ts";
import { StoreFault } from "./store/content-store.ts";
import { pageCache } from "./cache/page-cache.ts";
import { engineId } from "./version.ts";
import { securityHeaders } from "./security/headers.ts";

export const app = new Hono<AppEnv>();

// Outermost, so every response gets them, whichever handler made it.
app.use(securityHeaders());
app.use(async (c, next) => {
  const store = new ContentStore(c.env.CONTENT);
  c.set("store", store);
  await next();
  // Lets operators and tests see that a request's KV cost does not grow with the site.
  c.res.headers.set("Server-Timing", `kv;desc="reads=${store.reads}"`);
});
// Any other method (POST, OPTIONS, TRACE, PROPFIND, made-up ones): 405, RFC 9110 §15.5.6.
app.use(async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  c.header("Allow", "GET, HEAD");
  return statusResponse(c, 405);
});
app.use(appendTrailingSlash());
app.use(pageCache({ engine: (c) => engineId(c.env.ENGINE_BUILD) }));
app.route("/", pages);
app.notFound((c) => statusResponse(c, 404));
app.onError((err, c) => {
  // A damaged store is not a bug: 503 (page-cache.ts swaps in a cached copy when it has one).
  if (err instanceof StoreFault) {
    console.warn(`${c.req.method} ${new URL(c.req.url).pathname}: store fault: ${c.get("store").faults.join("; ")}`);
    return unavailableResponse(c);
  }
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, err);
  return statusResponse(c, 500);
});
