/** Bindings from wrangler.toml. */
export interface Env {
  /** Published content: see src/store/keys.ts for the layout. */
  CONTENT: KVNamespace;
  /** content/assets/** and the engine stylesheet (Workers Static Assets). */
  ASSETS: Fetcher;
  /** Build id of the deployed engine (`wrangler deploy --var ENGINE_BUILD:<id>`); part of ETags and cache keys. */
  ENGINE_BUILD?: string;
}
