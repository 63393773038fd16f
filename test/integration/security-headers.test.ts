/** Security headers on every response, a CSP fitted to each page, 405 for other methods, 404s that echo nothing. */
import { describe, expect, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";

/** The directives of a response's CSP: name → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get("content-security-policy");
  expect(header, `${res.url} has a CSP`).toBeTruthy();
  return new Map(header!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

function expectSecurityHeaders(res: Response, what: string): void {
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("strict-transport-security"), what).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(res.headers.get("permissions-policy"), what).toMatch(/\bcamera=\(\)/);
  const policy = csp(res);
  expect(policy.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(policy.get("object-src"), what).toEqual(["'none'"]);
  expect(policy.get("script-src")?.[0], what).toBe("'self'");
  expect(policy.get("style-src")?.[0], what).toBe("'self'");
  for (const sources of policy.values()) {
    expect(sources, what).not.toContain("'unsafe-eval'");
  }
  expect(policy.get("script-src"), what).not.toContain("'unsafe-inline'");
  expect(policy.get("style-src"), what).not.toContain("'unsafe-inline'");
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

describe("security headers", () => {
  it("a 503 before anything is published has them", async () => {
    const res = await get("/");
    expect(res.status).toBe(503);
    expectSecurityHeaders(res, "503");
  });

  it("every kind of response has them: pages, documents, redirects, 304, 404, 405", async () => {
    await publishSite("basic");
    const cases: [string, string, RequestInit?, number?][] = [
      ["home", "/"],
      ["post", "/blog/2024/first-post/"],
      ["list", "/blog/tag/ml/"],
      ["rss", "/feed.xml"],
      ["atom", "/atom.xml"],
      ["json feed", "/feed.json"],
      ["sitemap", "/sitemap.xml"],
      ["robots", "/robots.txt"],
      ["301 trailing slash", "/blog", undefined, 301],
      ["301 redirect post", "/blog/2024/moved/", undefined, 301],
      ["404", "/blog/2024/nothing-here/", undefined, 404],
      ["405", "/", { method: "POST" }, 405],
    ];
    for (const [what, path, init, status] of cases) {
      const res = await get(path, init);
      expect(res.status, what).toBe(status ?? 200);
      expectSecurityHeaders(res, what);
    }
    const etag = (await get("/blog/")).headers.get("etag")!;
    const cached = await get("/blog/"); // served from the page cache
    expect(cached.headers.get("x-edgefolio-cache")).toBe("hit");
    expectSecurityHeaders(cached, "cache hit");
    const notModified = await get("/blog/", { headers: { "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expectSecurityHeaders(notModified, "304");
  });
});

describe("a CSP fitted to the page", () => {
  it("allows a post's _styles by its hash, computed at build time, and nothing inline", async () => {
    await publishSite("basic");
    const res = await get("/blog/2024/second-post/");
    const page = await res.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const styleSrc = csp(res).get("style-src")!;
    expect(styleSrc).toContain(`'sha256-${await sha256Base64(style)}'`);
    expect(styleSrc).not.toContain("'unsafe-inline'");
    // A post without _styles allows no inline style element.
    const plain = csp(await get("/blog/2024/first-post/")).get("style-src")!;
    expect(plain).toEqual(["'self'"]);
    // The cached copy carries the same policy.
    const again = await get("/blog/2024/second-post/");
    expect(again.headers.get("x-edgefolio-cache")).toBe("hit");
    expect(again.headers.get("content-security-policy")).toBe(res.headers.get("content-security-policy"));
  });

  it("lets giscus, Twitter and a video's origin in only on the page that embeds them", async () => {
    await publishSite("distill");
    const everything = csp(await get("/blog/2024/everything/"));
    expect(everything.get("script-src")).toEqual(expect.arrayContaining(["'self'", "https://giscus.app", "https://platform.twitter.com"]));
    expect(everything.get("frame-src")).toEqual(expect.arrayContaining(["https://giscus.app", "https://platform.twitter.com", "https://www.youtube.com"]));
    for (const path of ["/blog/2024/auto-toc/", "/", "/blog/"]) {
      const policy = csp(await get(path));
      const all = [...policy.values()].flat().join(" ");
      expect(all, path).not.toMatch(/giscus|twitter|youtube/);
      expect(policy.get("script-src"), path).toEqual(["'self'"]);
    }
  });
});

describe("methods", () => {
  it("anything but GET and HEAD is 405 with Allow, on any path", async () => {
    await publishSite("basic");
    // workerd refuses methods it does not know (`BREW`) before any worker runs; WebDAV's it passes on.
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "LOCK", "REPORT"]) {
      for (const path of ["/", "/blog/2024/first-post/", "/nowhere"]) {
        const res = await get(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow"), method).toBe("GET, HEAD");
        expect(res.headers.get("cache-control"), method).toBe("no-store");
        expectSecurityHeaders(res, method);
      }
    }
  });
});

describe("the 404 page", () => {
  it("does not echo the request's path anywhere", async () => {
    await publishSite("basic");
    const probe = "/blog/2024/echo-probe-c4f1/";
    const res = await get(probe + "?q=echo-probe-q");
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).toContain("Page not found");
    expect(page).not.toContain("echo-probe");
    expect(page).not.toMatch(/rel="canonical"|og:url/);
  });
});
