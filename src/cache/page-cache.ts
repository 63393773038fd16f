/**
 * Edge caching for rendered pages.
 *
 * - ETag from (content version, engine, path); `If-None-Match` → 304 before any render.
 * - Rendered 200s are stored with the Cache API under a key of engine and the
 *   decoded path only; the entry counts as a hit only when its ETag (which
 *   holds the content version) is the live one. Query strings, Host, cookies
 *   and other request headers never reach the key or the page, so they cannot
 *   multiply renders or poison what others get. A publish changes the version,
 *   so nothing needs purging.
 * - When the store is damaged (src/store/content-store.ts), the entry is
 *   served whatever its version, marked `no-store`: a stale page beats an error.
 *
 * @example app.use(pageCache({ engine: (c) => engineId(c.env.ENGINE_BUILD) }))
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../routes/app-env.ts";
import { ifNoneMatchHits, pageEtag } from "./etag.ts";
import { StoreFault } from "../store/content-store.ts";

export interface PageCacheOptions {
  /** The engine id for ETags and keys. */
  engine: (c: Context<AppEnv>) => string;
  /**
   * Cache-Control of pages. Default: browsers revalidate after a minute (cheap: 304),
   * shared caches keep 5 minutes and may serve stale for a day while revalidating.
   */
  cacheControl?: string;
  /** Where to store pages. Default: `caches.default`. */
  cache?: () => Cache;
}

export const PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

export function pageCache(options: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const cacheControl = options.cacheControl ?? PAGE_CACHE_CONTROL;
  const getCache = options.cache ?? (() => caches.default);
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const store = c.get("store");
    const engine = options.engine(c);
    // One entry per page: the version it was rendered from is in its ETag, so a
    // publish makes it stale without a purge, and a store fault can still serve it.
    const key = new Request(`https://page-cache.edgefolio.internal/${encodeURIComponent(engine)}${encodeURI(c.req.path)}`);
    const cache = getCache();

    const live = await store.current().catch((err: unknown) => {
      if (err instanceof StoreFault) return undefined;
      throw err;
    });
    if (live === undefined) {
      // The pointer is damaged: the last copy rendered is better than an error.
      const stale = await cache.match(key);
      return stale ? staleCopy(stale) : next();
    }
    if (!live) return next();

    const etag = pageEtag(live.version, engine, c.req.path);
    if (ifNoneMatchHits(c.req.header("If-None-Match"), etag)) {
      // RFC 9110 §15.4.5: a 304 carries the ETag and Cache-Control a 200 would have, and no body.
      return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
    }

    const hit = await cache.match(key);
    if (hit && hit.headers.get("ETag") === etag) {
      const res = new Response(hit.body, hit);
      res.headers.set("X-Edgefolio-Cache", "hit");
      return res;
    }

    await next();
    if (store.degraded) {
      // A page from an earlier version, or a 503: never stored, never kept by browsers.
      if (c.res.status === 503 && hit) c.res = staleCopy(hit);
      else c.res.headers.set("Cache-Control", "no-store");
      return;
    }
    if (c.res.status !== 200) return;
    c.res.headers.set("ETag", etag);
    c.res.headers.set("Cache-Control", cacheControl);
    c.res.headers.delete("Set-Cookie");
    c.executionCtx.waitUntil(cache.put(key, c.res.clone()));
    c.res.headers.set("X-Edgefolio-Cache", "miss");
  };
}

/** A cached page served because the store cannot answer: not to be kept by anyone. */
function staleCopy(hit: Response): Response {
  const res = new Response(hit.body, hit);
  res.headers.delete("ETag");
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Edgefolio-Cache", "stale");
  return res;
}
