/**
 * `npm run import` as an author runs it on a Jekyll site in al-folio's layout
 * (test/support/jekyll-site.ts): the report on stdout/stderr, the refusal to
 * write into a non-empty folder, `--force`, and `npm run build` on the result
 * with no edits. Skipped (reported as such) where ../shared is absent.
 */
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli-helpers.ts";
import { assembleJekyllSite } from "../support/jekyll-site.ts";

const source = assembleJekyllSite();
const work = mkdtempSync(join(tmpdir(), "edgefolio-import-cli-"));
const out = join(work, "content");
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (source) rmSync(source, { recursive: true, force: true });
});

const importCli = (...args: string[]) => runCli(args, "scripts/import.ts");

describe.skipIf(!source)("npm run import", () => {
  it("imports the site and prints what it mapped and, located, what it left out", async () => {
    const r = await importCli(source!, "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`imported ${source} into ${out}: 31 posts, 1 drafts (published: false), `);
    expect(r.stdout).toContain("site.yml: title: blank → title: Grace Tester");
    expect(r.stdout).toContain("off or empty in _config.yml, nothing to map: google_analytics");
    expect(r.stdout).toContain(`Next: npm run build -- --content ${out}`);
    expect(r.stderr).toContain(`${source}/_config.yml:8:1: warning: \`footer_text\` not mapped`);
    expect(r.stderr).toContain(`${source}/_config.yml:12:7: warning: \`icon: ⚛️\` is not a picture file`);
    expect(existsSync(join(out, "_bibliography/papers.bib"))).toBe(true);
    expect(existsSync(join(out, "posts/2018-12-22-distill.md"))).toBe(true);
  });

  it("refuses to write into a non-empty folder, and --force replaces what it imports", async () => {
    writeFileSync(join(out, "posts/2000-01-01-stray.md"), "---\ntitle: stray\n---\n");
    const refused = await importCli(source!, "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out}: error: the output folder is not empty: nothing written`);
    expect(refused.stderr).toContain("import stopped: nothing was written");
    expect(existsSync(join(out, "posts/2000-01-01-stray.md"))).toBe(true);

    const forced = await importCli(source!, "--out", out, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(join(out, "posts/2000-01-01-stray.md"))).toBe(false);
  });

  it("npm run build works on the result with no edits", async () => {
    const r = await runCli(["--content", out, "--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    // The build cache's share ("; 32 rendered, 0 unchanged…") may follow the page count.
    expect(r.stdout).toMatch(/dry run: version [0-9a-f]{16} \(31 posts, \d+ pages(?:; [^)]*)?\) builds and renders/);
  }, 180_000);

  it("a folder that is not a Jekyll site is an error, and nothing is written", async () => {
    const r = await importCli(join(work, "missing"), "--out", join(work, "other"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing: error: no such folder/);
    expect(existsSync(join(work, "other"))).toBe(false);
  });
});
