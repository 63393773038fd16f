/** What a Liquid mistake's hint says: the closest known filter for a typo, how to close an output tag. */
import { describe, expect, it } from "vitest";
import { renderPost } from "../../scripts/lib/render-post.ts";

const problems = (source: string) => renderPost(source, {}).doc.problems.map((p) => ({ message: p.message, hint: p.hint }));

describe("Liquid error hints", () => {
  it("an unknown filter names the closest known ones, or where the known ones are listed", () => {
    expect(problems('{{ "moon" | upcsae }}\n')).toEqual([{ message: "unknown Liquid filter `upcsae`", hint: "did you mean `upcase`?" }]);
    expect(problems('{{ "moon" | sparkle }}\n')[0]!.hint).toMatch(/README\.md/);
  });

  it("an output tag never closed is quoted on one line, with how to close it", () => {
    expect(problems("The title is {{ page.title \nand more.\n")).toEqual([{ message: "`{{ page.title` is never closed", hint: "close it with }}, or wrap literal {{ … }} text in {% raw %}…{% endraw %}" }]);
  });
});
