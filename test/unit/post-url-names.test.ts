/**
 * `{% post_url %}` finds a post as Jekyll does, by date and title rather than
 * by the digits written: `2024-3-7-spring` and `2024-03-07-spring` name the
 * same post, whichever spelling the file name or the tag uses.
 */
import { describe, expect, it } from "vitest";
import { postUrlsByName } from "../../scripts/lib/liquid-scope.ts";
import { parseSiteConfig } from "../../scripts/lib/site-config.ts";
import { postUrlKey } from "../../src/content/urls.ts";

const { site } = parseSiteConfig("title: T\n", "content/site.yml");
const post = (name: string) => ({ file: `content/posts/${name}`, text: "---\ntitle: A post\n---\nText.\n" });

describe("post_url names", () => {
  it("pads month and day, and leaves other names alone", () => {
    expect(postUrlKey("2024-3-7-spring")).toBe("2024-03-07-spring");
    expect(postUrlKey("2024-03-07-spring")).toBe("2024-03-07-spring");
    expect(postUrlKey("2024-11-7-a-2-b")).toBe("2024-11-07-a-2-b");
    expect(postUrlKey("notes")).toBe("notes");
  });

  it("a one-digit file name is found by the padded name, and the other way round", () => {
    const urls = postUrlsByName([post("2024-3-7-spring.md"), post("2024-03-08-summer.markdown")], site);
    expect(urls.get(postUrlKey("2024-03-07-spring"))).toBe("/blog/2024/spring/");
    expect(urls.get(postUrlKey("2024-3-8-summer"))).toBe("/blog/2024/summer/");
    expect(urls.get(postUrlKey("2024-03-09-autumn"))).toBeUndefined();
  });
});
