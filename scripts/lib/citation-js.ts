/**
 * citation-js with its CSL plugin, loaded on first use: importing both costs
 * a build process ~0.3–0.8 s of start-up, and only a post that cites in a CSL
 * style (or a site.yml naming one) needs them. Synchronous, as the post step
 * that calls it is: CommonJS packages, so `require` loads them where `import()`
 * could not.
 */
import { createRequire } from "node:module";
import type { Cite, plugins } from "@citation-js/core";

/** The part of citation-js the build uses (types: scripts/types/citation-js.d.ts). */
export interface CitationJs {
  Cite: typeof Cite;
  plugins: typeof plugins;
}

let loaded: CitationJs | undefined;

/** citation-js, with the CSL output plugin and its bundled styles registered. */
export function citationJs(): CitationJs {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const core = require("@citation-js/core") as CitationJs;
    // Registers CSL output and the styles and locales it ships (apa, vancouver, harvard1).
    require("@citation-js/plugin-csl");
    loaded = core;
  }
  return loaded;
}
