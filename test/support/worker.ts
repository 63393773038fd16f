/**
 * Helpers for worker tests: publish a fixture site (built by the real build in
 * global-setup) into this test file's KV, and fetch pages from the real worker.
 */
import { env, SELF } from "cloudflare:test";
import { inject } from "vitest";
import { bindingTarget, publish, type PublishReport } from "../../scripts/lib/publish.ts";
import type { Bundle } from "../../src/store/bundle.ts";
import "./generated-site-paths.ts";

export function builtSite(name: string): Bundle {
  const generated = inject("generatedSites")[name];
  if (generated) return generated.bundle;
  const site = inject("sites")[name];
  if (!site) throw new Error(`no fixture site test/fixtures/sites/${name}`);
  if (!site.bundle) throw new Error(`fixture site ${name} does not build:\n${site.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n")}`);
  return site.bundle;
}

export function publishSite(name: string): Promise<PublishReport> {
  return publish(bindingTarget(env.CONTENT), builtSite(name));
}

/** GET (or any method) a path from the worker as a reader would. */
export function get(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`https://blog.example${path}`, { redirect: "manual", ...init });
}

/** Number of KV reads the worker reports for a response. */
export function kvReads(res: Response): number {
  const m = /reads=(\d+)/.exec(res.headers.get("Server-Timing") ?? "");
  if (!m) throw new Error("response has no Server-Timing kv reads");
  return Number(m[1]);
}
