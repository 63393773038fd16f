/** Jekyll permalink placeholders → post paths, and the router's matcher for them. */
import { describe, expect, it } from "vitest";
import { DEFAULT_PERMALINK, expandPermalink, permalinkMatcher, permalinkProblem } from "../../src/content/permalink.ts";

const post = { date: "2024-03-07T09:05:02+01:00", slug: "My_Post.v2", categories: ["Machine Learning", "notes"] };
const bare = { ...post, categories: [] };

describe("expandPermalink", () => {
  it("keeps al-folio's default", () => {
    expect(expandPermalink(DEFAULT_PERMALINK, post)).toBe("/blog/2024/My_Post.v2/");
  });

  it("fills every date placeholder from the site-local date", () => {
    expect(expandPermalink("/:year/:short_year/:month/:i_month/:day/:i_day/:title/", post)).toBe("/2024/24/03/3/07/7/My_Post.v2/");
    expect(expandPermalink("/:hour-:minute-:second/:y_day/:short_month/:long_month/:title/", post)).toBe("/09-05-02/067/Mar/March/My_Post.v2/");
    expect(expandPermalink("/:w_year/W:week/:w_day/:short_day/:long_day/:title/", post)).toBe("/2024/W10/4/Thu/Thursday/My_Post.v2/");
    // 1 January 2021 is a Friday of ISO week 53 of 2020.
    expect(expandPermalink("/:w_year/:week/:title/", { ...bare, date: "2021-01-01T00:00:00+00:00" })).toBe("/2020/53/My_Post.v2/");
  });

  it("slugifies :slug, keeps :title as written, joins categories", () => {
    expect(expandPermalink("/:slug/", post)).toBe("/my-post-v2/");
    expect(expandPermalink("/:categories/:title/", post)).toBe("/machine learning/notes/My_Post.v2/");
    expect(expandPermalink("/:slugified_categories/:title/", post)).toBe("/machine-learning/notes/My_Post.v2/");
  });

  it("drops the segment of empty categories, and adds the trailing slash an extensionless path lacks", () => {
    expect(expandPermalink("/:categories/:year/:title", bare)).toBe("/2024/My_Post.v2/");
    expect(expandPermalink("/:year/:month/:slug:output_ext", bare)).toBe("/2024/03/my-post-v2.html");
  });

  it("accepts Jekyll's named styles", () => {
    expect(expandPermalink("date", post)).toBe("/machine learning/notes/2024/03/07/My_Post.v2.html");
    expect(expandPermalink("pretty", bare)).toBe("/2024/03/07/My_Post.v2/");
    expect(expandPermalink("ordinal", bare)).toBe("/2024/067/My_Post.v2.html");
    expect(expandPermalink("none", bare)).toBe("/My_Post.v2.html");
  });
});

describe("permalinkProblem", () => {
  it("refuses what cannot give every post a path", () => {
    expect(permalinkProblem("/blog/:year/:title/")).toBeNull();
    expect(permalinkProblem("pretty")).toBeNull();
    expect(permalinkProblem("blog/:title/")).toMatch(/starts with/);
    expect(permalinkProblem("/:year/:titel/")).toBe("unknown placeholder `:titel`");
    expect(permalinkProblem("/:year/:month/")).toMatch(/needs `:title` or `:slug`/);
    expect(permalinkProblem("/:title/?x")).toMatch(/no spaces/);
  });
});

describe("permalinkMatcher", () => {
  it("matches exactly the paths the pattern can give", () => {
    const m = permalinkMatcher("/blog/:year/:title/");
    expect(m.test("/blog/2024/x/")).toBe(true);
    expect(m.test("/blog/2024/x/y/")).toBe(false);
    expect(m.test("/other/2024/x/")).toBe(false);
    for (const [pattern, p] of [["date", post], ["date", bare], ["/:categories/:year/:title", bare], ["/:categories/:year/:title", post], ["weekdate", post]] as const) {
      expect(permalinkMatcher(pattern).test(expandPermalink(pattern, p)), `${pattern} ${p.categories.length}`).toBe(true);
    }
    expect(permalinkMatcher("date").test("/2024/03/07/x/")).toBe(false);
  });
});
