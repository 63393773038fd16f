/**
 * The worker's read side of KV. One instance per request: it reads the pointer
 * once, so every later read in the request comes from the same version, and it
 * counts reads so responses can report them (Server-Timing) and tests can
 * prove the count does not grow with the site.
 *
 * Reads degrade, never break. A value that is missing where the version says
 * it exists, or that does not parse or has the wrong shape, is a StoreFault:
 * a page whose shard or blob is damaged is read from the newest kept earlier
 * version that has it (`live.previous`); when none has it, or the pointer
 * itself is damaged, the fault is thrown for the caller to answer with a
 * cached copy or a 503 (see src/cache/page-cache.ts, src/app.ts).
 * The normal path costs three reads: pointer, shard, blob.
 */
import { LIVE_KEY, blobKey, manifestKey, routeShardKey } from "./keys.ts";
import type { Live, Manifest, RouteEntry, RouteShard } from "./types.ts";
import { isLive, isManifest, isPageData, isRouteEntry, isShard } from "./validate.ts";
import { packSlice } from "./pack.ts";

/** KV holds something the build did not write (or lost something it did). */
export class StoreFault extends Error {
  override name = "StoreFault";
}

/** A route found in some version, with its page data (absent for a redirect). */
export interface StoredRoute {
  entry: RouteEntry;
  data?: unknown;
  /** The version it came from: the live one, or an earlier one after a fault. */
  from: Manifest;
}

export class ContentStore {
  reads = 0;
  /** What went wrong in this request, for logs and for the cache (a degraded answer is never cached). */
  readonly faults: string[] = [];
  private live: Promise<Live | null> | undefined;

  constructor(private readonly kv: KVNamespace) {}

  /** True when this request met a store fault, even one it recovered from. */
  get degraded(): boolean {
    return this.faults.length > 0;
  }

  private fault(message: string): StoreFault {
    this.faults.push(message);
    return new StoreFault(message);
  }

  /** The parsed value at `key`, null when absent; a StoreFault when it does not parse. */
  private async getJson(key: string): Promise<unknown> {
    return this.parse(key, await this.getText(key));
  }

  private async getText(key: string): Promise<string | null> {
    this.reads++;
    return this.kv.get(key, "text");
  }

  private parse(key: string, text: string | null): unknown {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw this.fault(`${key} does not parse (${text.length} characters)`);
    }
  }

  /**
   * The live version, or null before the first publish. Read once per
   * request; a damaged pointer is a StoreFault (every call rethrows it).
   */
  current(): Promise<Live | null> {
    this.live ??= this.getJson(LIVE_KEY).then((value) => {
      if (value === null) return null;
      if (!isLive(value)) throw this.fault(`${LIVE_KEY} is not a version pointer`);
      return { ...value, previous: value.previous ?? [] };
    });
    return this.live;
  }

  /**
   * The route at `path` and its page data: from the live version, else from
   * the newest earlier version that has it whole. Null when the live version
   * (read whole) has no such route: a 404. StoreFault when no version can answer.
   */
  async route(path: string): Promise<StoredRoute | null> {
    const live = await this.current();
    if (!live) return null;
    let firstFault: StoreFault;
    try {
      return await this.routeIn(live, path);
    } catch (err) {
      if (!(err instanceof StoreFault)) throw err;
      firstFault = err;
    }
    for (const version of live.previous) {
      try {
        const manifest = await this.getJson(manifestKey(version));
        if (!isManifest(manifest)) throw this.fault(`${manifestKey(version)} is missing or damaged`);
        const found = await this.routeIn(manifest, path);
        if (found) return found;
      } catch (err) {
        if (!(err instanceof StoreFault)) throw err;
      }
    }
    throw firstFault;
  }

  private async routeIn(manifest: Manifest, path: string): Promise<StoredRoute | null> {
    const key = routeShardKey(manifest, path);
    if (!key) throw this.fault(`version ${manifest.version} lists no route shards`);
    const shard = await this.getJson(key);
    if (!isShard(shard)) throw this.fault(`${key} is missing or damaged`);
    if (!Object.hasOwn(shard, path)) return null;
    const entry = (shard as RouteShard)[path];
    if (!isRouteEntry(entry)) throw this.fault(`${key} has a damaged entry for ${path}`);
    if (entry.kind === "redirect") return { entry, from: manifest };
    const blob = blobKey(entry.blob);
    const text = await this.getText(blob);
    // A packed page: only its slice is parsed, never the whole pack.
    const page = text !== null && entry.at ? packSlice(text, entry.at) : text;
    if (page === null) throw this.fault(`${blob} (${path}) is missing or damaged`);
    const data = this.parse(blob, page);
    if (!isPageData(entry.kind, data)) throw this.fault(`${blob} (${path}) is missing or damaged`);
    return { entry, data, from: manifest };
  }
}
