/** What readers get when the store is empty or broken: proper status pages, never a stack trace. */
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { builtSite, get, publishSite } from "../support/worker.ts";

describe("before anything is published", () => {
  it("pages answer 503 with a page that says what to do", async () => {
    const res = await get("/");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("Nothing published yet");
  });
});

describe("a published site", () => {
  it("an empty site still has a home page and an empty blog", async () => {
    await publishSite("empty");
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("No posts yet.");
    expect((await get("/blog/")).status).toBe(200);
    expect((await get("/blog/page/2/")).status).toBe(404);
  });

  it("a page whose stored data has gone missing is a 503 page without internals", async () => {
    await publishSite("basic");
    const bundle = builtSite("basic");
    // Delete every page blob, as a broken or half-cleaned store would look.
    await Promise.all(bundle.blobs.map((b) => env.CONTENT.delete(b.key)));
    const res = await get("/blog/2024/second-post/");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    const html = await res.text();
    expect(html).toContain("Temporarily unavailable");
    expect(html).not.toMatch(/blob|Error|at \w+ \(|\.ts:\d+/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
