import type { Env } from "../env.ts";
import type { ContentStore } from "../store/content-store.ts";

/** Hono's environment for every route: bindings plus the request's content store. */
export interface AppEnv {
  Bindings: Env;
  Variables: { store: ContentStore };
}
