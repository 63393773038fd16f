import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

// Generous timeouts: nothing here is a timed test (figures live in bench/), and a
// loaded 2-core CI machine can take several seconds for a 10,000-post site or a CSL style.
export default defineConfig({
  test: {
    projects: [
      {
        // Pure modules and the build, in Node.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        // The build's command line: real processes, real local KV persistence.
        test: { name: "cli", include: ["test/cli/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // A real browser (Debian's Chromium) reading the real worker served by `wrangler dev` (see test/browser/).
        // retry: a real page fault (an unsized figure, a card off screen) fails every try; a timing-dependent
        // re-layout that Chromium reports once in a while does not fail CI.
        test: { name: "browser", include: ["test/browser/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 180_000, retry: 2 },
      },
      {
        // The real worker in workerd, reading KV filled by the real build (see test/support/global-setup.ts).
        plugins: [cloudflareTest({ main: "./src/index.ts", wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "worker", include: ["test/integration/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 120_000, globalSetup: ["test/support/global-setup.ts", "test/support/generated-sites-setup.ts", "test/support/fuzz-setup.ts"] },
      },
    ],
  },
});
