/** Broken Liquid, citations, figures and styles stop the build with located messages. */
import { describe, expect, inject, it } from "vitest";

const problems = () => {
  const site = inject("sites")["distill-errors"]!;
  expect(site.bundle).toBeNull();
  return site.problems.filter((p) => p.severity === "error").map((p) => `${p.file.replace(/^.*\/posts\//, "")}:${p.line}: ${p.message}`);
};

describe("a build with content errors", () => {
  it("lists every unknown citation key with its line", () => {
    expect(problems()).toEqual(expect.arrayContaining(["2024-01-01-bad-cites.md:8: unknown citation key `nosuch2000`", "2024-01-01-bad-cites.md:9: unknown citation key `ghost1999`"]));
    expect(problems().filter((p) => p.includes("smith2019"))).toEqual([]);
  });

  it("names a missing figure file at the include's line", () => {
    expect(problems()).toContain("2024-01-02-missing-figure.md:7: `figure.liquid`: file `assets/img/missing.jpg` not found");
  });

  it("names unknown tags and includes, and unclosed blocks, at their lines", () => {
    expect(problems()).toEqual(expect.arrayContaining([
      "2024-01-03-unknown-tag.md:6: unknown Liquid tag `tabbs`",
      "2024-01-03-unknown-tag.md:8: unknown include `gallery.liquid`",
      "2024-01-04-unclosed.md:6: `{% details %}` is never closed",
    ]));
  });

  it("refuses `</style` in _styles, non-Twitter URLs and an include whose path variable is undefined", () => {
    expect(problems()).toEqual(expect.arrayContaining([
      "2024-01-05-style-break.md:3: `_styles` contains `</style`, which would end the style element early",
      "2024-01-06-bad-tweet.md:4: `twitter` needs a tweet or profile URL, not `https://evil.example.org/status/1`",
      "2024-01-07-variable.md:4: `figure.liquid` needs `path` (a file under assets/) or `url`",
    ]));
  });
});

describe("warnings that do not stop a build", () => {
  it("an undefined include variable, a TOC entry without a heading, and comments without giscus settings", () => {
    const warnings = inject("sites")["distill-errors"]!.problems.filter((p) => p.severity === "warning").map((p) => `${p.file.replace(/^.*\/posts\//, "")}:${p.line}: ${p.message}`);
    expect(warnings).toEqual([
      "2024-01-02-missing-figure.md:7: `figure.liquid` has no `alt` text",
      "2024-01-07-variable.md:4: `path=page.image` in `figure.liquid`: `page.image` is not defined",
      "2024-01-08-warnings.md:4: `giscus_comments: true` but site.yml has no `giscus` settings: no comments are shown",
      "2024-01-08-warnings.md:6: toc entry `Absent section` matches no heading, so its link goes nowhere",
    ]);
  });
});
