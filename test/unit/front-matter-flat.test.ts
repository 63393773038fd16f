/**
 * The flat front matter fast path (scripts/lib/front-matter-flat.ts) against
 * `yaml` itself: whenever it answers, the data and every position `locate`
 * gives are the ones the `yaml` parse gives; and it does answer for the
 * front matter most posts have.
 */
import { describe, expect, it } from "vitest";
import { flatFrontMatter } from "../../scripts/lib/front-matter-flat.ts";
import { parseFrontMatterFile, yamlFrontMatter } from "../../scripts/lib/front-matter-file.ts";

const VALUES = [
  "A post", "Bob's post", "C# tips", "a, b", "a:b", "https://example.org/a?b=c#d", "2024-05-01 10:00:00", "2024-05-01", "2024-05-01T10:00:00Z",
  "3.2.1", "1", "42", "007", "1e5", "1E-3", "0x1F", "0o17", ".5", "-1", "+1", "1.5", "1.", "0.", "1_000", "12345678901234567890", "123456789012345",
  "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "null", "Null", "NULL", "~", "nil",
  "-", "- a", "-a", "? x", "?x", ":x", "'quoted'", "\"quoted\"", "[a, b]", "{a: 1}", "a [b]", "a {b}", "a: b", "a #c", "a#c", "*alias", "&anchor x",
  "!tag x", "!!str 1", "|", ">", "%x", "@x", "`x`", "trailing ", "café au lait", "日本語のタイトル", "emoji 🎉", "tab\there", "x:", "x::y", "x: ",
  "<b>bold</b>", "a\\b", "a 'b' \"c\"", "1:30", ".inf", "-.inf", ".nan", "Infinity", "NaN", "line\u2028sep", "\uFEFFbom", "a  b", "=x",
  "a, b, c", "ml llm vision", "Ünïcödé", "x\u0085y", "x\u007Fy", "50%", "#hash", "a|b", "a>b", "a&b", "a*b", "a!b", "x--y", ",x",
];
const KEYS = ["title", "layout", "giscus_comments", "related-posts", "_x", "Title", "x1", "true", "null", "__proto__", "~", "1", "a b", "a.b"];

/** Data and positions of `text` by both parsers, compared wherever the fast path answers; whether it answered. */
function agree(text: string): boolean {
  const flat = flatFrontMatter(text);
  if (!flat) return false;
  const slow = yamlFrontMatter(text, "f.md");
  expect(slow.problems, text).toEqual([]);
  expect(flat.data, text).toStrictEqual(slow.data);
  const keys = [...Object.keys(slow.data as object), "absent"];
  for (const k of keys) {
    for (const path of [[k], [k, 0], [k, "x"], [k, 1, "y"]]) {
      for (const part of ["key", "value"] as const) expect(flat.locate(path, part), `${JSON.stringify(text)} ${JSON.stringify(path)} ${part}`).toEqual(slow.locate(path, part));
    }
  }
  expect(flat.locate([])).toEqual(slow.locate([]));
  expect(flat.locate([0])).toEqual(slow.locate([0]));
  return true;
}

describe("flat front matter", () => {
  it("gives yaml's data and positions for every value it takes, and leaves the others to yaml", () => {
    let taken = 0;
    for (const v of VALUES) {
      for (const text of [`title: ${v}`, `layout: post\ntitle: ${v}\ndate: 2024-01-02`, `layout: post\ntitle:   ${v}`, `\nlayout: post\n\ntitle: ${v}\n`]) {
        if (agree(text)) taken++;
      }
    }
    // Most plain values go the fast way (the rest are numbers, indicators, quotes and the like).
    expect(taken).toBeGreaterThan(100);
  });

  it("keys: plain names only; YAML-special and odd keys go to yaml", () => {
    for (const k of KEYS) agree(`${k}: value\nlayout: post`);
    expect(flatFrontMatter("title: a\nlayout: post")).not.toBeNull();
    for (const k of ["true", "null", "__proto__", "~", "1", "a b"]) expect(flatFrontMatter(`${k}: value`), k).toBeNull();
  });

  it("anything but flat `key: value` lines is left to yaml", () => {
    for (const text of [
      "", "\n\n", "# a comment\ntitle: a", "title: a # note", "title: a\ntitle: b", "tags:\n  - a\n  - b", "toc:\n  sidebar: left", "title: a\n  continued",
      "title:", "title:value", "title : a", "authors:\n  - name: A", "title: 'a'", "tags: [a, b]", " title: a", "title: a\n---", "title: a\n\tb: c",
    ]) {
      expect(flatFrontMatter(text), JSON.stringify(text)).toBeNull();
    }
  });

  it("the post files of a site take it, with the fences' line shift", () => {
    const file = "---\nlayout: post\ntitle: Post number 7\ndescription: A generated post for benchmarks.\ndate: 2000-01-01 07:00:00\ntags: ml llm\ncategories: generated\ngiscus_comments: true\n---\n\nBody\n";
    const split = parseFrontMatterFile(file, "content/posts/2000-01-01-post-7.md");
    expect(split.data).toEqual({ layout: "post", title: "Post number 7", description: "A generated post for benchmarks.", date: "2000-01-01 07:00:00", tags: "ml llm", categories: "generated", giscus_comments: true });
    expect(split.locate(["tags"])).toEqual({ line: 6, col: 7 });
    expect(split.locate(["tags", 1])).toEqual({ line: 6, col: 7 });
    expect(split.locate(["date"], "key")).toEqual({ line: 5, col: 1 });
    expect(split.locate(["nope"])).toEqual({ line: 2, col: 1 });
    expect(split.bodyLine).toBe(10);
    expect(agree(file.split("\n").slice(1, 8).join("\n"))).toBe(true);
  });
});
