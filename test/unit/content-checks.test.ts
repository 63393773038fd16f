/** Located errors and the warnings an author would want (issue 8 §3), through the real build. */
import { describe, expect, it } from "vitest";
import { buildPost, buildPosts } from "../support/one-post.ts";
import { labelSlug } from "../../src/content/slug.ts";
import { categoryPath, tagFeedPath, tagPath } from "../../src/content/urls.ts";
import { redirectProblem } from "../../src/content/front-matter-checks.ts";

const post = (frontMatter: string, body = "Body.\n") => `---\ntitle: X\n${frontMatter}\n---\n${body}`;

describe("front-matter values", () => {
  it("a lone surrogate in thumbnail (or any string) is a located error, not `URI malformed`", async () => {
    expect(await buildPost(post('thumbnail: "assets/img/\\ud800.jpg"'))).toEqual(["3: error: `thumbnail` holds half of a Unicode surrogate pair, which is not text"]);
    expect(await buildPost(post('authors:\n  - name: "A\\udc00"'))).toEqual(["4: error: `authors.0.name` holds half of a Unicode surrogate pair, which is not text"]);
  });

  it("control characters are located warnings, and left out of the page", async () => {
    expect(await buildPost(post('description: "a\\u0000b"', "Body\u0001 text.\n"))).toEqual([
      "3: warning: `description` holds a control character (U+0000), which is left out",
      "5: warning: the body holds control characters (first: U+0001), which are left out",
    ]);
    const { result } = await buildPosts({ "2024-01-03-x.md": post('description: "a\\u0000b"', "Body\u0001 text.\n") });
    const blobs = result.bundle!.blobs.map((b) => b.value).join("");
    expect(blobs).not.toMatch(/\\u000[01]/);
    expect(blobs).toContain("Body text.");
  });

  it("__proto__, constructor and prototype keys are errors, at any depth", async () => {
    const problems = await buildPost(post("__proto__: {polluted: 1}\nconstructor: x\nauthors:\n  - name: A\n    prototype: 1"));
    expect(problems.filter((p) => p.includes("error"))).toEqual([
      "3: error: `__proto__` cannot be a front-matter key",
      "4: error: `constructor` cannot be a front-matter key",
      "7: error: `prototype` cannot be a front-matter key",
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("redirect: only site paths and absolute http(s) URLs, no control characters", async () => {
    for (const bad of ['"/new/\\r\\nSet-Cookie: a=b"', "javascript:alert(1)", "//other.example/x", "ftp://x.example/", "new-post/", '"/a b/"']) {
      const problems = await buildPost(post(`redirect: ${bad}`));
      expect(problems, bad).toHaveLength(1);
      expect(problems[0], bad).toMatch(/^3: error: `redirect` /);
    }
    expect(redirectProblem("/blog/2024/new/")).toBeNull();
    expect(redirectProblem("https://example.org/x?y=1#z")).toBeNull();
    expect(await buildPost(post("redirect: https://example.org/elsewhere/"))).toEqual([]);
  });

  it("a date that differs from the file name's is a warning at the date", async () => {
    expect(await buildPost(post("date: 2024-02-01"))).toEqual(["3: warning: the date 2024-02-01 differs from the file name's 2024-01-03; the front matter wins"]);
    expect(await buildPost(post("date: 2024-01-03 23:30:00 +0100"))).toEqual([]);
  });
});

describe("tags and categories", () => {
  it("C, C++ and C# get distinct slugs, the same for links, archives and feeds", async () => {
    expect(["C", "C++", "C#", "+++", "★"].map(labelSlug)).toEqual(["c", "c-plus-plus", "c-sharp", "plus-plus-plus", "u2605"]);
    expect(tagPath("C++")).toBe("/blog/tag/c-plus-plus/");
    expect(tagFeedPath("C#", "xml")).toBe("/blog/tag/c-sharp/feed.xml");
    expect(categoryPath("C")).toBe("/blog/category/c/");
    const { result, problems } = await buildPosts({
      "2024-01-03-a.md": post("tags: [C, C++, C#]"),
      "2024-01-04-b.md": post("tags: [c++, Deep Learning]\ncategories: [+++]"),
      "2024-01-05-c.md": post("tags: [deep-learning, c plus plus]"),
    });
    const routes = new Set(result.bundle!.versionEntries.filter((e) => e.key.includes("/routes/")).flatMap((e) => Object.keys(JSON.parse(e.value) as object)));
    for (const path of ["/blog/tag/c/", "/blog/tag/c-plus-plus/", "/blog/tag/c-sharp/", "/blog/tag/c-sharp/feed.xml", "/blog/category/plus-plus-plus/"]) expect(routes, path).toContain(path);
    expect([...routes].filter((r) => r.includes("//"))).toEqual([]);
    // Spellings of one name are one tag; different names on one address are a warning.
    expect(problems).toEqual([
      "2024-01-04-b.md:4: warning: category `+++` has no letters or digits; its archive is /blog/category/plus-plus-plus/",
      "2024-01-05-c.md:3: warning: tag `c plus plus` shares the archive /blog/tag/c-plus-plus/ with `C++`, so their posts are listed together",
    ]);
  });
});

describe("the body", () => {
  it("an undefined reference link is a warning at its line; defined, footnote and code ones are not", async () => {
    const body = "Intro.\n\nSee [the spec][spec], [this][] and [that][Nowhere].\n\n[Spec]: https://example.org/spec\n\n`[a][b]` in code, and [x][^1]\n\n[^1]: A note.\n";
    expect(await buildPost(post("", body))).toEqual([
      "7: warning: reference link `[this]` is not defined, so it shows as plain text",
      "7: warning: reference link `[Nowhere]` is not defined, so it shows as plain text",
    ]);
  });
});

describe("heading ids never take the page's own ids", () => {
  it("Content, Fn 1, Ref x, TOC title get ids the layout and appendix do not use", async () => {
    const { SlugRegistry } = await import("../../src/content/slug.ts");
    const r = new SlugRegistry();
    expect(["Content", "Fn 1", "Ref x", "TOC Title", "Appendix References", "Intro"].map((t) => r.unique(t))).toEqual([
      "content-1", "section-fn-1", "section-ref-x", "toc-title-1", "section-appendix-references", "intro",
    ]);
  });
});
