/** Generated tables of contents: levels, and the data-toc-text / data-toc-skip attributes from either source. */
import { describe, expect, it } from "vitest";
import { Lexer, type Tokens } from "marked";
import { assignHeadingIds } from "../../src/markdown/extensions/headings.ts";
import { resolveToc } from "../../src/content/toc.ts";

const auto = { kind: "auto" } as const;

describe("generated TOC", () => {
  it("nests the next level under the top one", () => {
    const headings = assignHeadingIds(Lexer.lex("### Early\n\n## One\n\n### One a\n\n#### Too deep\n\n## Two\n"));
    expect(resolveToc(auto, headings)).toEqual([
      { text: "Early", id: "early", children: [] },
      { text: "One", id: "one", children: [{ text: "One a", id: "one-a", children: [] }] },
      { text: "Two", id: "two", children: [] },
    ]);
  });

  it("reads a kramdown IAL's attributes from the heading token", () => {
    const tokens = Lexer.lex("## A very long heading\n\n## Hidden\n\n## Plain\n");
    (tokens[0] as Tokens.Heading & { attrs?: Record<string, string> }).attrs = { "data-toc-text": "Short" };
    (tokens[2] as Tokens.Heading & { attrs?: Record<string, string> }).attrs = { "data-toc-skip": "" };
    const links = resolveToc(auto, assignHeadingIds(tokens));
    expect(links.map((l) => [l.text, l.id])).toEqual([["Short", "a-very-long-heading"], ["Plain", "plain"]]);
  });

  it("lists raw HTML headings with their attributes, and gives them ids", () => {
    const tokens = Lexer.lex('## First\n\n<h2 data-toc-text="Two">Second &amp; last</h2>\n\n<h3 data-toc-skip="">Skipped</h3>\n');
    const headings = assignHeadingIds(tokens);
    expect(headings).toEqual([
      { depth: 2, text: "First", id: "first" },
      { depth: 2, text: "Second & last", id: "second-last", tocText: "Two" },
      { depth: 3, text: "Skipped", id: "skipped", tocSkip: true },
    ]);
    expect(resolveToc(auto, headings).map((l) => l.text)).toEqual(["First", "Two"]);
    expect((tokens[2] as Tokens.HTML).text).toContain('<h2 id="second-last" data-toc-text="Two">');
  });
});
