/**
 * Fuzz, worker half: a sample of the fuzz corpus (support/fuzz-setup.ts),
 * published into the runtime's KV and requested from the real worker. Every
 * post answers (200, or 301 for a redirect) with a sound page and its
 * security headers; nothing answers 500.
 */
import { describe, expect, inject, it } from "vitest";
import { env } from "cloudflare:test";
import { bindingTarget, publish } from "../../scripts/lib/publish.ts";
import { get } from "../support/worker.ts";
import { pageProblems } from "../support/fuzz/page-checks.ts";
import "../support/fuzz/sites.ts";

describe("fuzz through the worker", () => {
  const sites = inject("fuzzSites");

  it("has a sample to run", () => {
    expect(sites.length).toBeGreaterThanOrEqual(12);
  });

  it.each(sites.map((s) => [s.name, s] as const))("%s", async (_, site) => {
    await publish(bindingTarget(env.CONTENT), site.bundle);
    for (const path of site.paths) {
      const res = await get(path);
      expect([200, 301], path).toContain(res.status);
      expect(res.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
      const body = await res.text();
      if (res.status === 200) expect(pageProblems(body, { parseErrors: site.kind !== "body" }), path).toEqual([]);
      else expect(res.headers.get("location"), path).toMatch(/^(?:\/(?!\/)|https?:\/\/)[^\s\u0000-\u001f]*$/);
    }
    for (const path of ["/", "/blog/", "/feed.xml"]) expect((await get(path)).status, path).toBe(200);
  });
});
