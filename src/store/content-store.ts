/**
 * The worker's read side of KV. One instance per request: it reads the pointer
 * once, so every later read in the request comes from the same version, and it
 * counts reads so responses can report them (Server-Timing) and tests can
 * prove the count does not grow with the site.
 */
import { LIVE_KEY, blobKey, routeShardKey } from "./keys.ts";
import type { Live, RouteEntry, RouteShard } from "./types.ts";

export class ContentStore {
  reads = 0;
  private live: Live | null | undefined;

  constructor(private readonly kv: KVNamespace) {}

  private async getJson<T>(key: string): Promise<T | null> {
    this.reads++;
    return this.kv.get<T>(key, "json");
  }

  /** The live version, or null before the first publish. Read once per request. */
  async current(): Promise<Live | null> {
    if (this.live === undefined) this.live = await this.getJson<Live>(LIVE_KEY);
    return this.live;
  }

  async route(path: string): Promise<RouteEntry | null> {
    const live = await this.current();
    if (!live) return null;
    const key = routeShardKey(live, path);
    if (!key) return null;
    const shard = await this.getJson<RouteShard>(key);
    return shard?.[path] ?? null;
  }

  async blob<T>(hash: string): Promise<T | null> {
    return this.getJson<T>(blobKey(hash));
  }
}
