/** Old versions are cleaned up after a publish; the kept ones stay servable for rollback. */
import { expect, it } from "vitest";
import { env } from "cloudflare:test";
import { builtSite, get } from "../support/worker.ts";
import { bindingTarget, KEEP_VERSIONS, publish, rollback } from "../../scripts/lib/publish.ts";
import { makeBundle } from "../../src/store/bundle.ts";

/** Versions of one site that differ only in the site title (all real bundles). */
async function variant(i: number) {
  const base = builtSite("basic").manifest;
  const home = { latest: [], featured: [] };
  return makeBundle(new Map([["/", { kind: "home" as const, data: { ...home, i } }]]), {
    builtAt: base.builtAt,
    site: { ...base.site, title: `Lab version ${i}` },
    stylesheet: base.stylesheet,
    posts: 0,
  });
}

async function storedVersions(): Promise<Set<string>> {
  const keys = await env.CONTENT.list({ prefix: "v/" });
  return new Set(keys.keys.map((k) => k.name.split("/")[1]!));
}

it(`keeps the live version and ${KEEP_VERSIONS} before it, deletes the rest and their pages`, async () => {
  const target = bindingTarget(env.CONTENT);
  const bundles = [];
  for (let i = 0; i < KEEP_VERSIONS + 3; i++) {
    const b = await variant(i);
    bundles.push(b);
    await publish(target, b);
  }
  const stored = await storedVersions();
  const expected = bundles.slice(-(KEEP_VERSIONS + 1)).map((b) => b.manifest.version);
  expect([...stored].sort()).toEqual([...expected].sort());
  // The first version's page blob is gone; the live one's is there.
  const blobs = new Set((await env.CONTENT.list({ prefix: "blob/" })).keys.map((k) => k.name));
  expect(blobs.has(bundles[0]!.blobs[0]!.key)).toBe(false);
  expect(blobs.has(bundles.at(-1)!.blobs[0]!.key)).toBe(true);

  expect(await (await get("/")).text()).toContain(`Lab version ${KEEP_VERSIONS + 2}`);
  // Every kept version can still be rolled back to, in order.
  for (let i = KEEP_VERSIONS + 1; i >= 2; i--) {
    await rollback(target);
    expect(await (await get("/")).text()).toContain(`Lab version ${i}`);
  }
});
