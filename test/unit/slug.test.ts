import { describe, expect, it } from "vitest";
import { SlugRegistry, slugify } from "../../src/content/slug.ts";
import { tagPath, postPath, parsePostFileName } from "../../src/content/urls.ts";

describe("slugify", () => {
  it.each([
    ["Intro", "intro"],
    ["Papers, Tools and Misc", "papers-tools-and-misc"],
    ["MLX and sigma σReparam", "mlx-and-sigma-σreparam"],
    ["Don't Stop Pretraining", "dont-stop-pretraining"],
    ["Don’t Stop", "dont-stop"],
    ["François Fleuret", "francois-fleuret"],
    ["Deep Learning", "deep-learning"],
    ["  --Auto 4-bit quantization--  ", "auto-4-bit-quantization"],
    ["C++ & Rust", "c-rust"],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("tag links and tag pages agree whatever the case", () => {
    expect(tagPath("Deep Learning")).toBe("/blog/tag/deep-learning/");
    expect(tagPath("deep learning")).toBe(tagPath("DEEP LEARNING"));
  });
});

describe("SlugRegistry", () => {
  it("suffixes duplicates and never reuses an id", () => {
    const r = new SlugRegistry();
    expect([r.unique("Intro"), r.unique("Intro"), r.unique("Intro 1"), r.unique("Intro")]).toEqual(["intro", "intro-1", "intro-1-1", "intro-2"]);
  });
  it("gives headings with no letters an id", () => {
    expect(new SlugRegistry().unique("!!!")).toBe("section");
  });
});

describe("post URLs", () => {
  it("come from the file name minus its date", () => {
    expect(parsePostFileName("2024-01-03-december-2023-in-ml.md")).toEqual({ date: "2024-01-03", slug: "december-2023-in-ml" });
    expect(parsePostFileName("notes.md")).toBeNull();
    // Jekyll's post name pattern takes one-digit months and days.
    expect(parsePostFileName("2024-3-7-title.md")).toEqual({ date: "2024-3-7", slug: "title" });
    expect(parsePostFileName("2024-03-7-title.markdown")).toEqual({ date: "2024-03-7", slug: "title" });
    expect(parsePostFileName("2024-003-07-title.md")).toBeNull();
    expect(postPath({ date: "2024-01-03T00:00:00+00:00", slug: "december-2023-in-ml", categories: [] })).toBe("/blog/2024/december-2023-in-ml/");
  });
});
