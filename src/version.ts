/**
 * The engine's identity in ETags and cache keys: the package version plus the
 * deploy's build id (`ENGINE_BUILD`, set by `wrangler deploy --var` and by
 * `npm start` per run), so new engine code never serves pages cached by old code.
 */
import pkg from "../package.json" with { type: "json" };

export const ENGINE_VERSION: string = pkg.version;

export function engineId(build: string | undefined): string {
  return `${ENGINE_VERSION}+${build || "dev"}`;
}
