/**
 * `npm run import` of a folder that has posts but no `_config.yml` (a copy of
 * al-folio's `_posts/`, say): nothing to map, so the engine's defaults hold —
 * al-folio's permalink, not Jekyll's `date` one — and the one note about it is
 * located at the folder, never at a line of a file that does not exist.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { importJekyllSite } from "../../scripts/lib/import/import-site.ts";
import { loadContent } from "../../scripts/lib/load-content.ts";
import { buildSite } from "../../scripts/lib/build-site.ts";

const work = mkdtempSync(join(tmpdir(), "edgefolio-import-no-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
};

describe("importJekyllSite without _config.yml", () => {
  it("keeps the engine's defaults, with al-folio's URLs, and says so once at the folder", async () => {
    write("posts-only/_posts/2025-06-01-tides.md", "---\ntitle: Tides\ncategories: ocean\n---\nTwice a day.\n");
    write("posts-only/_pages/blog.md", "---\nlayout: default\npagination:\n  enabled: true\n  per_page: 4\n---\n");
    const report = await importJekyllSite({ source: join(work, "posts-only"), out: join(work, "content") });
    expect(report.written).toBe(true);

    const configNotes = report.notes.filter((n) => n.file.includes("_config.yml") || n.message.includes("_config.yml"));
    expect(configNotes).toHaveLength(1);
    expect(configNotes[0]).toMatchObject({ line: 0, severity: "warning" });
    expect(configNotes[0]!.file.endsWith("posts-only")).toBe(true);
    expect(configNotes[0]!.message).toContain("/blog/:year/:title/");
    expect(configNotes[0]!.hint).toContain("permalink: date");

    const siteYml = readFileSync(join(work, "content/site.yml"), "utf8");
    expect(siteYml).not.toMatch(/permalink/);
    expect(siteYml.split("\n")[0]).toMatch(/^# Imported from .*posts-only \(it has no _config\.yml: the engine's defaults\) by npm run import/);
    expect(siteYml).toMatch(/per_page: 4/);

    const { source } = await loadContent(join(work, "content"));
    const built = await buildSite(source, { now: new Date("2030-01-01") });
    expect(built.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(built.published.map((p) => p.meta.path)).toEqual(["/blog/2025/tides/"]);
  });
});
