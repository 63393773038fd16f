/** What a reader sees: posts, lists, archives, redirects and status pages, from the real worker. */
import { beforeAll, describe, expect, it } from "vitest";
import { get, kvReads, publishSite } from "../support/worker.ts";

beforeAll(async () => {
  await publishSite("basic");
});

describe("a post page", () => {
  it("renders the post from Markdown with its front matter, in the site frame", async () => {
    const res = await get("/blog/2024/first-post/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<title>First post | Fixture Lab</title>");
    expect(html).toContain('<h1 class="post-title">First post</h1>');
    expect(html).toContain("The oldest post.");
    expect(html).toContain('<time datetime="2024-01-03T00:00:00+01:00">January 3, 2024</time>');
    expect(html).toContain('<a href="/blog/tag/review/">#Review</a>');
    expect(html).toContain('<a class="site-title" href="/">Fixture Lab</a>');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/edgefolio\/style\.[0-9a-f]{10}\.css">/);
    expect(html).toContain('<link rel="canonical" href="https://lab.example.org/blog/2024/first-post/">');
  });

  it("resolves reference links, keeps raw HTML, hides HTML comments", async () => {
    const html = await (await get("/blog/2024/first-post/")).text();
    expect(html).toContain('<a href="https://example.org/ref">reference link</a>');
    expect(html).toContain('<div class="row mt-3"><div class="col-sm">raw html block</div></div>');
    // Comments stay comments (invisible), never escaped into visible text.
    expect(html).toContain("<!-- an HTML comment that readers must not see -->");
    expect(html).not.toContain("&lt;!--");
  });

  it("gives duplicate headings distinct ids", async () => {
    const html = await (await get("/blog/2024/first-post/")).text();
    expect(html).toContain('<h2 id="intro">Intro</h2>');
    expect(html).toContain('<h2 id="intro-1">Intro</h2>');
  });

  it("escapes front-matter values and keeps Unicode heading ids", async () => {
    const html = await (await get("/blog/2024/second-post/")).text();
    expect(html).toContain("<title>Second post: σReparam &amp; friends | Fixture Lab</title>");
    expect(html).toContain('<p class="post-description">A &lt;description&gt; with markup characters</p>');
    expect(html).not.toContain("<description>");
    expect(html).toContain('<h2 id="mlx-and-sigma-σreparam">');
    expect(html).toContain('<a href="https://example.org/ada">Ada Lovelace</a>');
    expect(html).toContain("<style>.fake-img { background: #bbb; }\n</style>");
  });

  it("takes the URL year from the date in the site's time zone", async () => {
    expect((await get("/blog/2025/new-year/")).status).toBe(200);
    expect((await get("/blog/2024/new-year/")).status).toBe(404);
  });

  it("links to the newer and older post", async () => {
    const html = await (await get("/blog/2024/second-post/")).text();
    expect(html).toContain('<a rel="next" href="/blog/2024/third-post/">');
    expect(html).toContain('<a rel="prev" href="/blog/2024/first-post/">');
  });

  it("reads three KV keys to render, one when cached", async () => {
    expect(kvReads(await get("/blog/2024/third-post/"))).toBe(3);
    expect(kvReads(await get("/blog/2024/third-post/"))).toBe(1);
  });
});

describe("lists", () => {
  it("the home page shows the latest and the featured posts", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain("<h1>Fixture Lab</h1>");
    expect(html).toContain("A blog used by the tests.");
    const featured = html.slice(html.indexOf("<h2>Featured</h2>"), html.indexOf("<h2>Latest posts</h2>"));
    expect(featured).toContain("/blog/2024/second-post/");
    expect(featured).not.toContain("/blog/2024/third-post/");
  });

  it("/blog/ lists posts newest first, paginated by per_page", async () => {
    const page1 = await (await get("/blog/")).text();
    const order = [...page1.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1]);
    // Newest first; the redirected post is listed under its target's URL.
    expect(order).toEqual(["/blog/2025/new-year/", "/blog/2024/first-post/"]);
    expect(page1).toContain('<a rel="next" href="/blog/page/2/">');
    const page3 = await (await get("/blog/page/3/")).text();
    expect([...page3.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1])).toEqual(["/blog/2024/first-post/"]);
    expect(page3).toContain('<a rel="prev" href="/blog/page/2/">');
    expect(page3).not.toContain('rel="next"');
  });

  it("/blog/page/1/ redirects to /blog/ and a page past the end is a 404", async () => {
    const res = await get("/blog/page/1/");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/blog/");
    expect((await get("/blog/page/9/")).status).toBe(404);
  });

  it("tag archives use the lowercase slug of the tag, whatever its case or spaces", async () => {
    const res = await get("/blog/tag/deep-learning/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Posts tagged #Deep Learning");
    expect(html).toContain("/blog/2024/second-post/");
    expect((await get("/blog/tag/Deep-Learning/")).status).toBe(404);
  });

  it("year and category archives list their posts", async () => {
    const year = await (await get("/blog/2024/")).text();
    expect(year).toContain("/blog/2024/first-post/");
    expect(year).not.toContain("/blog/2025/new-year/");
    const cat = await (await get("/blog/category/notes/")).text();
    expect(cat).toContain("/blog/2024/first-post/");
  });

  it("drafts and future-dated posts are neither listed nor served", async () => {
    const all = (await Promise.all(["/", "/blog/", "/blog/page/2/", "/blog/page/3/", "/blog/2024/"].map(async (p) => (await get(p)).text()))).join("");
    expect(all).not.toContain("A draft");
    expect(all).not.toContain("From the future");
    expect((await get("/blog/2024/draft/")).status).toBe(404);
    expect((await get("/blog/2030/future/")).status).toBe(404);
  });

  it("a post with `redirect` answers 301 to its target, and lists link to the target", async () => {
    const res = await get("/blog/2024/moved/");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/blog/2024/first-post/");
  });
});

describe("URLs and status pages", () => {
  it("a path without its trailing slash redirects to the one with it, query kept", async () => {
    const res = await get("/blog/2024/first-post?utm_source=x");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/blog/2024/first-post/?utm_source=x");
  });

  it("unknown paths get a 404 page in the site's frame, never a stack trace", async () => {
    for (const path of ["/nope/", "/blog/2024/nope/", "/blog/abcd/", "/%E0%A4%A/", "/blog/tag/%3Cscript%3E/"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toContain("Page not found");
      expect(html).toContain("Fixture Lab");
      expect(html).not.toMatch(/at \w+ \(|Error:/);
      expect(html).not.toContain("<script>");
    }
  });

  it("methods other than GET and HEAD get 405 with Allow", async () => {
    const res = await get("/", { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });

  it("HEAD answers like GET without a body", async () => {
    const res = await get("/blog/", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});
