/** Reading time on cards (scripts/lib/site-pages.ts): al-folio's words / 180 + 1, tags not counted as words. */
import { describe, expect, it } from "vitest";
import { readingMinutes } from "../../scripts/lib/site-pages.ts";

const words = (n: number, sep = " ") => Array.from({ length: n }, (_, i) => `w${i}`).join(sep);

describe("readingMinutes", () => {
  it("is one minute up to 179 words and two from 180", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes(words(179))).toBe(1);
    expect(readingMinutes(words(180))).toBe(2);
    expect(readingMinutes(words(359, "\n\t"))).toBe(2);
    expect(readingMinutes(words(360, "  \n"))).toBe(3);
  });

  it("counts a tag as a space, never as a word, and any Unicode space as a separator", () => {
    // 180 words only if the tag splits `a<b>b`, and neither tag nor spaces add words.
    expect(readingMinutes(`${words(178)} a<b>b <br/> \u00a0\u3000 `)).toBe(2);
    expect(readingMinutes(`${words(179)} <img src="x.png" alt="a b c">`)).toBe(1);
    expect(readingMinutes(words(180, "\u2003"))).toBe(2);
    // A `<` that opens no tag is text: `1 < 2` is three words.
    expect(readingMinutes(`${words(177)} 1 < 2`)).toBe(2);
  });
});
