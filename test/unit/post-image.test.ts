import { describe, expect, it } from "vitest";
import type { PostRecord } from "../../src/content/types.ts";
import { postImage } from "../../scripts/lib/post-image.ts";

const post = (body: string, thumbnail?: string): PostRecord =>
  ({ meta: { ...(thumbnail ? { thumbnail } : {}) }, body, sourceFile: "x.md", bodyLine: 1 }) as PostRecord;

describe("postImage", () => {
  it("prefers the thumbnail", () => {
    expect(postImage(post("![a](/assets/img/b.png)", "assets/img/t.jpg"))).toBe("/assets/img/t.jpg");
  });

  it("takes the first figure, however it is written", () => {
    expect(postImage(post('Text\n\n{% include figure.liquid loading="eager" path="assets/img/f.png" %}\n\n![a](/x.png)'))).toBe("/assets/img/f.png");
    expect(postImage(post("![alt text](assets/img/m.png)"))).toBe("/assets/img/m.png");
    expect(postImage(post('<img class="x" src="https://cdn.example.org/i.png">'))).toBe("https://cdn.example.org/i.png");
  });

  it("has none without a picture, and refuses other schemes", () => {
    expect(postImage(post("no pictures"))).toBeUndefined();
    expect(postImage(post("![x](javascript:alert(1))"))).toBeUndefined();
    expect(postImage(post("", "//evil.example/x.png"))).toBeUndefined();
  });
});
