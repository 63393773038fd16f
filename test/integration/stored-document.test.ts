/**
 * Post blobs store the body rendered by the build (src/markdown/stored-document.ts).
 * The worker serves such a blob without rendering Markdown, and still serves
 * a blob published by the previous engine (a Markdown body, no document) by
 * rendering it per request: in both cases with the same three KV reads.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { builtSite, get, kvReads, publishSite } from "../support/worker.ts";
import { bindingTarget, publish } from "../../scripts/lib/publish.ts";
import { bundlePageJson, bundleSitePages, makeBundle, type Bundle } from "../../src/store/bundle.ts";
import { blobKey, routeShardKey } from "../../src/store/keys.ts";
import type { PostPage, RouteShard } from "../../src/store/types.ts";

const POST = "/blog/2024/first-post/";

function blobOf(path: string, bundle: Bundle = builtSite("basic")): string {
  const key = routeShardKey(bundle.manifest, path);
  const shard = JSON.parse(bundle.shards.find((e) => e.key === key)!.value) as RouteShard;
  const entry = shard[path]!;
  if (entry.kind === "redirect") throw new Error(`${path} is a redirect`);
  return blobKey(entry.blob);
}

beforeAll(async () => {
  await publishSite("basic");
});

describe("post blobs", () => {
  it("hold the rendered body and no Markdown", () => {
    const page = JSON.parse(bundlePageJson(builtSite("basic"), POST)!) as PostPage;
    expect(page.post.body).toBeUndefined();
    expect(page.doc?.html).toContain("<strong>bold</strong>");
  });

  it("are packed with the site's other small pages; the worker reads its slice, in three reads", async () => {
    const basic = builtSite("basic");
    const shard = JSON.parse(basic.shards.find((e) => e.key === routeShardKey(basic.manifest, POST))!.value) as RouteShard;
    const entry = shard[POST]!;
    expect(entry.kind === "post" && entry.at).toHaveLength(2);
    const pack = JSON.parse(basic.blobs.find((b) => b.key === blobOf(POST))!.value) as unknown[];
    expect(pack.length).toBeGreaterThan(5);
    const res = await get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<strong>bold</strong>");
    expect(kvReads(res)).toBe(3);
  });

  it("a blob of the previous engine (body, no document) is rendered per request", async () => {
    // Published before packs too: a blob of its own per page.
    const basic = builtSite("basic");
    const old = await makeBundle(bundleSitePages(basic), basic.manifest, undefined, undefined, { pageMax: 0, bytes: 0 });
    await publish(bindingTarget(env.CONTENT), old);
    const key = blobOf(POST, old);
    const page = JSON.parse((await env.CONTENT.get(key, "text"))!) as PostPage;
    const legacy: PostPage = { ...page, post: { ...page.post, body: "## Legacy heading\n\nA body in *Markdown*, stored <span style=\"color: red\">as before</span>.\n" } };
    delete legacy.doc;
    await env.CONTENT.put(key, JSON.stringify(legacy));
    // A query string the cache has not seen: a miss that reads the blob again.
    const res = await get(`${POST}?legacy`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 id="legacy-heading">Legacy heading</h2>');
    expect(html).toContain("A body in <em>Markdown</em>");
    expect(html).not.toContain("raw html block");
    // What the body itself needs is still found: its style attribute.
    expect(res.headers.get("content-security-policy")).toContain("style-src-attr 'unsafe-inline'");
    expect(kvReads(res)).toBe(3);
  });
});
