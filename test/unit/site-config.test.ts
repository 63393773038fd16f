/** site.yml keys added for al-folio's post layout: the Disqus shortname (and, below, permalink). */
import { describe, expect, it } from "vitest";
import { parseSiteConfig } from "../../scripts/lib/site-config.ts";
import { formatContentError } from "../../src/content/error.ts";

const parse = (text: string) => {
  const { site, problems } = parseSiteConfig(text, "content/site.yml");
  return { site, problems: problems.map(formatContentError) };
};

describe("site.yml: disqus", () => {
  it("reads al-folio's disqus_shortname, or disqus: {shortname}", () => {
    expect(parse("disqus_shortname: My-Lab\n").site.disqusShortname).toBe("my-lab");
    expect(parse("disqus:\n  shortname: lab2\n").site.disqusShortname).toBe("lab2");
    expect(parse("title: x\n").site.disqusShortname).toBeUndefined();
  });

  it("refuses a shortname that is not a host name label, at its line", () => {
    const { site, problems } = parse("title: x\ndisqus_shortname: evil.com/x\n");
    expect(site.disqusShortname).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^content\/site\.yml:2:19: error: a Disqus shortname is letters, digits and `-`/)]);
  });
});

describe("site.yml: permalink", () => {
  it("keeps al-folio's default unless set, and accepts Jekyll's styles", () => {
    expect(parse("title: x\n").site.permalink).toBeUndefined();
    expect(parse("permalink: /blog/:year/:title/\n").site.permalink).toBeUndefined();
    expect(parse("permalink: pretty\n").site.permalink).toBe("pretty");
  });

  it("refuses an unknown placeholder at its line, and falls back to the default", () => {
    const { site, problems } = parse("title: x\npermalink: /:year/:titel/\n");
    expect(site.permalink).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^content\/site\.yml:2:12: error: unknown placeholder `:titel` in `permalink: \/:year\/:titel\/`/)]);
  });
});
