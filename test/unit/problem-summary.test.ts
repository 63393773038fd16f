/** The tally printed under a long list of build or import problems (scripts/lib/problem-summary.ts). */
import { describe, expect, it } from "vitest";
import { messageShape, problemSummary } from "../../scripts/lib/problem-summary.ts";
import type { ContentError } from "../../src/content/error.ts";

const at = (message: string, severity: ContentError["severity"] = "warning"): ContentError => ({ file: "content/posts/a.md", line: 3, col: 1, message, severity });

describe("problemSummary", () => {
  it("counts warnings by the shape of their message, most frequent first, the first message as example", () => {
    const problems = [
      at("the date 2021-05-22 differs from the file name's 2018-12-22; the front matter wins"),
      ...Array.from({ length: 4 }, () => at("`figure.liquid` has no `alt` text")),
      at("`figure.html` has no `alt` text"),
      at("`owl` is not defined: it renders as nothing"),
      at("`owl` is not defined: it renders as nothing"),
      at("the date 2023-03-20 differs from the file name's 2023-03-21; the front matter wins"),
      at("an unknown citation key", "error"),
    ];
    expect(problemSummary(problems, "warning")).toEqual([
      "9 warnings, by kind:",
      "  5 × `figure.liquid` has no `alt` text (and the like)",
      "  2 × the date 2021-05-22 differs from the file name's 2018-12-22; the front matter wins (and the like)",
      "  2 × `owl` is not defined: it renders as nothing",
    ]);
  });

  it("says nothing for a short list or a list of one kind", () => {
    expect(problemSummary([at("`a` has no `alt` text"), at("`b` is not defined")], "warning")).toEqual([]);
    expect(problemSummary(Array.from({ length: 9 }, (_, i) => at(`\`f${i}\` has no \`alt\` text`)), "warning")).toEqual([]);
  });

  it("blanks names, quotes and numbers, nothing else", () => {
    expect(messageShape('`x.liquid` line 12 says "hi": fix it')).toBe('`…` line # says "…": fix it');
  });
});
