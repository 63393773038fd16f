/** Front matter as authors write it: al-folio keys, located errors. */
import { describe, expect, it } from "vitest";
import { parseFrontMatterFile } from "../../scripts/lib/front-matter-file.ts";
import { validateFrontMatter } from "../../src/content/front-matter.ts";
import { formatContentError } from "../../src/content/error.ts";

function check(text: string, timeZone = "UTC") {
  const file = "content/posts/2024-01-03-x.md";
  const split = parseFrontMatterFile(text, file);
  if (split.problems.some((p) => p.severity === "error")) return { meta: null, problems: split.problems.map(formatContentError) };
  const r = validateFrontMatter({ data: split.data, file, fileDate: "2024-01-03", slug: "x", timeZone, locate: split.locate });
  return { meta: r.meta, problems: r.problems.map(formatContentError), bodyLine: split.bodyLine };
}

describe("al-folio front matter", () => {
  it("reads the distill keys of a real post", () => {
    const { meta, problems } = check(`---
layout: distill
title: December 2023 in ML
description: Neurips, LLMs and other stuff
tags: ml review december 2023
giscus_comments: false
date: 2024-01-03
featured: false
bibliography: dec2023.bib
authors:
  - name: Konrad Kalita
    affiliations:
      name: Personal
toc:
  - name: Intro
  - name: New LLMs
    subsections:
        - name: Gemini
_styles: >
  .fake-img { background: #bbb; }
---
Body`);
    expect(problems).toEqual([]);
    expect(meta).toMatchObject({
      layout: "distill",
      path: "/blog/2024/x/",
      tags: ["ml", "review", "december", "2023"],
      bibliography: "dec2023.bib",
      authors: [{ name: "Konrad Kalita", affiliations: [{ name: "Personal" }] }],
      toc: { kind: "list", entries: [{ name: "Intro", subsections: [] }, { name: "New LLMs", subsections: [{ name: "Gemini", subsections: [] }] }] },
      styles: ".fake-img { background: #bbb; }\n",
    });
  });

  it("accepts a list of affiliations and toc: {sidebar: left}", () => {
    const { meta } = check("---\ntitle: T\nauthors:\n  - name: A\n    affiliations:\n      - name: X\n      - name: Y\ntoc:\n  sidebar: left\n---\n");
    expect(meta?.authors[0]?.affiliations.map((a) => a.name)).toEqual(["X", "Y"]);
    expect(meta?.toc).toEqual({ kind: "auto", sidebar: "left" });
  });

  it("reads toc: {beginning: true} and locates a wrong sidebar side", () => {
    expect(check("---\ntitle: T\ntoc:\n  beginning: true\n---\n").meta?.toc).toEqual({ kind: "auto", beginning: true });
    expect(check("---\ntitle: T\ntoc:\n  sidebar: middle\n---\n").problems).toEqual([
      "content/posts/2024-01-03-x.md:4:12: error: `toc.sidebar` must be left or right, not string `middle`",
    ]);
  });

  it("warns about an unknown images component at its key", () => {
    const { problems } = check("---\ntitle: T\nimages:\n  slider: true\n  lightbox: true\n---\n");
    expect(problems).toEqual(["content/posts/2024-01-03-x.md:5:3: warning: unknown `images` component `lightbox` is ignored\n  hint: use compare, slider, lightbox2, photoswipe, spotlight, venobox"]);
  });

  it("warns that a post's own permalink is not used", () => {
    const { meta, problems } = check("---\ntitle: T\npermalink: /about/\n---\n");
    expect(meta?.path).toBe("/blog/2024/x/");
    expect(problems).toEqual([expect.stringMatching(/^content\/posts\/2024-01-03-x\.md:3:1: warning: a post's own `permalink` is not supported/)]);
  });

  it("locates errors at the offending key's line and column", () => {
    const { problems } = check("---\ntitle: T\nlayout: fancy\ndate: 2024-02-30\ntags: {a: 1}\nauthors: nobody\n---\n");
    expect(problems).toEqual([
      "content/posts/2024-01-03-x.md:3:9: error: unknown layout `fancy`\n  hint: use one of: post, distill",
      expect.stringContaining("content/posts/2024-01-03-x.md:4:7: error: invalid date `2024-02-30`"),
      "content/posts/2024-01-03-x.md:5:7: error: `tags` must be a list or space-separated words, not a mapping",
      "content/posts/2024-01-03-x.md:6:10: error: `authors` must be a list\n  hint: write each author as `- name: …`",
    ]);
  });

  it("a well-formed date that does not exist gets a hint about the month or day, not the format", () => {
    expect(check("---\ntitle: T\ndate: 2024-02-30\n---\n").problems[0]).toBe("content/posts/2024-01-03-x.md:3:7: error: invalid date `2024-02-30`\n  hint: 2024-02 has 29 days: check the day");
    expect(check("---\ntitle: T\ndate: 2026-13-45\n---\n").problems[0]).toBe("content/posts/2024-01-03-x.md:3:7: error: invalid date `2026-13-45`\n  hint: there is no month 13: the form is YYYY-MM-DD (year, month, day)");
    expect(check("---\ntitle: T\ndate: next week\n---\n").problems[0]).toContain("hint: write it as YYYY-MM-DD");
  });

  it("reports YAML syntax errors with their position", () => {
    const { problems } = check("---\ntitle: T\ntags: [a, b\n---\n");
    expect(problems[0]).toMatch(/^content\/posts\/2024-01-03-x\.md:3:\d+: error: invalid YAML/);
  });

  it("refuses _styles that would close the style element", () => {
    const { problems } = check("---\ntitle: T\n_styles: 'a{}</style><script>x</script>'\n---\n");
    expect(problems[0]).toContain("3:10: error: `_styles` contains `</style`");
  });

  it("needs a title and front matter at all", () => {
    expect(check("---\ndate: 2024-01-01\n---\n").problems[0]).toContain("missing `title`");
    expect(check("# just markdown\n").problems[0]).toContain("1:1: error: the file does not start with front matter");
    expect(check("---\ntitle: T\n").problems[0]).toContain("front matter is not closed");
  });

  it("warns about unknown keys without failing", () => {
    const { meta, problems } = check("---\ntitle: T\nmy_custom: 1\n---\n");
    expect(meta).not.toBeNull();
    expect(problems[0]).toContain("3:1: warning: unknown front-matter key `my_custom`");
  });

  it("keeps YAML data-only: no custom tags, bounded aliases", () => {
    const bomb = "---\ntitle: T\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n";
    expect(check(bomb).problems[0]).toMatch(/^content\/posts\/2024-01-03-x\.md:2:1: error: invalid YAML: .*alias/i);
    const tagged = check("---\ntitle: !!js/function 'function(){}'\n---\n");
    expect(tagged.meta?.title ?? "").not.toContain("function(){}()");
  });

  it("places the body after the closing fence", () => {
    expect(check("---\ntitle: T\n---\nBody").bodyLine).toBe(4);
  });
});
