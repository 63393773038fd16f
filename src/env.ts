/** Bindings from wrangler.toml. */
export interface Env {
  /** Published content: see src/store/keys.ts for the layout. */
  CONTENT: KVNamespace;
  /** content/assets/** and the engine stylesheet (Workers Static Assets). */
  ASSETS: Fetcher;
}
