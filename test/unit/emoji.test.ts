import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { emojiNamesModule } from "../../scripts/lib/emoji-names.ts";
import { emojiFor } from "../../src/markdown/extensions/emoji.ts";

describe("emoji shortcodes", () => {
  it("the generated table matches the pinned gemoji package (run scripts/generate-emoji.ts after an upgrade)", () => {
    const file = readFileSync(new URL("../../src/markdown/extensions/emoji-names.ts", import.meta.url), "utf8");
    expect(file).toBe(emojiNamesModule());
  });

  it("knows GitHub's names, aliases included, and nothing else", () => {
    expect(emojiFor("tada")).toBe("\u{1F389}");
    expect(emojiFor("+1")).toBe(emojiFor("thumbsup"));
    expect(emojiFor("hash")).toBe("#\uFE0F\u20E3");
    expect(emojiFor("not_an_emoji")).toBeUndefined();
    expect(emojiFor("constructor")).toBeUndefined();
  });
});
