/**
 * The production worker (src/index.ts) knows nothing of `npm run dev`: no
 * page carries the dev script, and its endpoints do not exist, even with a
 * dev build's status in KV.
 */
import { beforeAll, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { get, publishSite } from "../support/worker.ts";
import { DEV_STATUS_KEY } from "../../src/dev/status.ts";

beforeAll(async () => {
  await publishSite("basic");
  await env.CONTENT.put(DEV_STATUS_KEY, JSON.stringify({ errors: [{ file: "content/posts/x.md", line: 1, col: 1, message: "boom" }], at: 1 }));
});

it("pages, the home page and status pages have no dev script", async () => {
  for (const path of ["/", "/blog/", "/blog/2024/first-post/", "/no/such/page/"]) {
    const html = await (await get(path)).text();
    expect(html, path).toContain("</head>");
    expect(html, path).not.toContain("__edgefolio");
    expect(html, path).not.toContain("EventSource");
  }
});

it("the dev endpoints are 404s", async () => {
  for (const path of ["/__edgefolio/dev/client.js", "/__edgefolio/dev/status", "/__edgefolio/dev/events"]) {
    let res = await get(path);
    // Extension-less paths get the trailing-slash redirect first, as any unknown path does.
    if (res.status === 301) res = await get(new URL(res.headers.get("location")!, "https://blog.example").pathname);
    expect(res.status, path).toBe(404);
    expect(await res.text(), path).not.toContain("boom");
  }
});
