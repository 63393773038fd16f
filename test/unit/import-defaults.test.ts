/**
 * `_config.yml` front-matter defaults applied by `npm run import`: written into
 * the front matter of each post or draft their scope covers, the post's own
 * keys winning, and read by the build as if the author had written them.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { importJekyllSite } from "../../scripts/lib/import/import-site.ts";
import { applyFrontMatterDefaults, defaultsFor, readFrontMatterDefaults } from "../../scripts/lib/import/front-matter-defaults.ts";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";

const work = mkdtempSync(join(tmpdir(), "edgefolio-import-defaults-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
};

describe("defaultsFor", () => {
  const entries = readFrontMatterDefaults([
    { scope: { path: "" }, values: { description: "everywhere", giscus_comments: true } },
    { scope: { path: "_posts/2024", type: "posts" }, values: { description: "posts of 2024" } },
    { scope: { path: "_posts/*/notes" }, values: { tags: ["note"] } },
    { scope: { type: "drafts" }, values: { description: "a draft" } },
    { values: "not a hash" },
  ], () => {});

  it("merges every covering scope, the longer path winning", () => {
    expect(defaultsFor(entries, "posts", "_posts/2024/2024-02-01-tides.md")).toEqual({ description: "posts of 2024", giscus_comments: true });
    expect(defaultsFor(entries, "posts", "_posts/2023-05-01-rings.md")).toEqual({ description: "everywhere", giscus_comments: true });
  });

  it("matches `*` within one folder name and the scope's type", () => {
    expect(defaultsFor(entries, "posts", "_posts/2022/notes/2022-01-01-a.md")["tags"]).toEqual(["note"]);
    expect(defaultsFor(entries, "posts", "_posts/2022/x/notes/2022-01-01-a.md")["tags"]).toBeUndefined();
    expect(defaultsFor(entries, "drafts", "_drafts/idea.md")["description"]).toBe("a draft");
  });

  it("reports an entry without values", () => {
    const skipped: number[] = [];
    readFrontMatterDefaults([{ scope: {} }, { values: {} }], (i) => skipped.push(i));
    expect(skipped).toEqual([0]);
  });
});

describe("applyFrontMatterDefaults", () => {
  const post = "---\r\ntitle: Tides\r\ntoc:\r\n  sidebar: left\r\n---\r\nBody *stays*.\r\n";

  it("adds only the keys the post lacks, before the closing fence, keeping line ends and the body", () => {
    const out = applyFrontMatterDefaults(post, "p.md", { title: "Default title", giscus_comments: true });
    expect(out.added).toEqual(["giscus_comments"]);
    expect(out.text).toBe("---\r\ntitle: Tides\r\ntoc:\r\n  sidebar: left\r\n# from _config.yml defaults (npm run import)\r\ngiscus_comments: true\r\n---\r\nBody *stays*.\r\n");
  });

  it("notes a post's own hash that hides a default hash, at its line", () => {
    const out = applyFrontMatterDefaults(post, "p.md", { toc: { beginning: true } });
    expect(out.added).toEqual([]);
    expect(out.notes.map((n) => `${n.file}:${n.line} ${n.message}`)).toEqual(["p.md:3 `toc` here replaces the whole `toc` of _config.yml's defaults (Jekyll would merge the two)"]);
  });

  it("leaves a file without front matter alone", () => {
    expect(applyFrontMatterDefaults("no front matter\n", "p.md", { a: 1 }).text).toBe("no front matter\n");
  });
});

describe("importJekyllSite with defaults", () => {
  it("writes the defaults into each covered post, and the build reads them", async () => {
    write("site/_config.yml", [
      "title: Moon notes",
      "url: https://moon.example",
      "defaults:",
      "  - scope:",
      "      path: \"\"",
      "      type: posts",
      "    values:",
      "      description: Notes from the observatory",
      "      tags: [moon]",
      "  - scope:",
      "      type: pages",
      "    values:",
      "      layout: page",
      "",
    ].join("\n"));
    write("site/_posts/2024-03-01-craters.md", "---\ntitle: Craters\n---\nCounting craters.\n");
    write("site/_posts/2024-03-02-maria.md", "---\ntitle: Maria\ndescription: Dark plains\n---\nBasalt.\n");
    const report = await importJekyllSite({ source: join(work, "site"), out: join(work, "content") });
    expect(report.written).toBe(true);
    expect(report.mapped).toContain("defaults → written into the front matter of each post they cover (its own keys win)");
    expect(report.notes.map((n) => `${n.line}:${n.col} ${n.message}`)).toContain("11:13 defaults for `type: pages` are not applied: only posts and drafts are imported");

    const craters = readFileSync(join(work, "content/posts/2024-03-01-craters.md"), "utf8");
    expect(craters).toBe("---\ntitle: Craters\n# from _config.yml defaults (npm run import)\ndescription: Notes from the observatory\ntags:\n  - moon\n---\nCounting craters.\n");

    const { source } = await loadContent(join(work, "content"));
    const built = await buildSite(source, { now: new Date("2030-01-01") });
    expect(built.problems.filter((p) => p.severity === "error")).toEqual([]);
    const meta = Object.fromEntries(built.published.map((p) => [p.meta.title, p.meta]));
    expect(meta["Craters"]).toMatchObject({ description: "Notes from the observatory", tags: ["moon"] });
    expect(meta["Maria"]).toMatchObject({ description: "Dark plains", tags: ["moon"] });
  });
});
