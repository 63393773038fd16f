/**
 * al-folio's sample posts that use Liquid build through the build's per-post
 * step (liquidjs, then our Markdown) with their assets, and show what each
 * tag makes (issue 10). Runs when ../shared/corpus exists (as in CI),
 * skipped otherwise. 2023-07-12-post-bibliography.md needs jekyll-scholar's
 * tags, which the citations work adds.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderPost } from "../../scripts/lib/render-post.ts";

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/al-folio/", import.meta.url));

function build(name: string) {
  const text = readFileSync(`${CORPUS}_posts/${name}`, "utf8");
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  const asset = (p: string) => CORPUS + p.replace(/^\/+/, "");
  return renderPost(body, {
    assetExists: (p) => existsSync(asset(p)),
    readAsset: (p) => (existsSync(asset(p)) ? readFileSync(asset(p), "utf8") : undefined),
    page: { title: name },
    site: { url: "https://corpus.example.org" },
  });
}

const errors = (r: ReturnType<typeof build>) => r.doc.problems.filter((p) => p.severity === "error").map((p) => `${p.line}:${p.col} ${p.message}`);
const outsideCode = (html: string) => html.replace(/<pre[\s>][\s\S]*?<\/pre>/g, "").replace(/<code[\s>][\s\S]*?<\/code>/g, "");

describe.skipIf(!existsSync(CORPUS))("al-folio posts with Liquid", () => {
  it("2020-09-28-twitter.md: a tweet quote and a timeline card", () => {
    const r = build("2020-09-28-twitter.md");
    expect(errors(r)).toEqual([]);
    expect(r.doc.html).toContain('<blockquote class="twitter-tweet tweet-card">');
    expect(r.doc.html).toContain('<a class="twitter-timeline" href="https://twitter.com/jekyllrb">');
    expect(r.embeds).toEqual(["twitter"]);
  });

  it("2023-07-04-jupyter-notebook.md: capture + file_exists + if render the notebook", () => {
    const r = build("2023-07-04-jupyter-notebook.md");
    expect(errors(r)).toEqual([]);
    expect(r.doc.html).toContain('<div class="jupyter-notebook"><h1 id="stand-in-notebook">Stand-in notebook</h1>');
    expect(outsideCode(r.doc.html)).not.toContain("Sorry, the notebook");
  });

  it("2024-01-27-code-diff.md: `{{myName}}` in code renders empty with a located warning", () => {
    const r = build("2024-01-27-code-diff.md");
    expect(errors(r)).toEqual([]);
    const warnings = r.doc.problems.filter((p) => p.severity === "warning");
    expect(warnings.map((p) => p.message)).toEqual(Array(4).fill("`myName` is not defined: it renders as nothing"));
    // Body lines: the file's line minus the front matter's.
    const text = readFileSync(`${CORPUS}_posts/2024-01-27-code-diff.md`, "utf8");
    const frontLines = text.slice(0, text.indexOf("\n---\n", 4) + 5).split("\n").length - 1;
    const line = text.split("\n")[warnings[0]!.line + frontLines - 1]!;
    expect(line.slice(warnings[0]!.col - 1)).toMatch(/^myName\}\}/);
    expect(r.doc.html).toContain("&lt;p&gt;&lt;/p&gt;");
  });

  it("2024-05-01-tabs.md: three tab groups, every tab's content in the page", () => {
    const r = build("2024-05-01-tabs.md");
    expect(errors(r)).toEqual([]);
    const html = outsideCode(r.doc.html);
    expect([...html.matchAll(/<ul class="tab" /g)]).toHaveLength(3);
    expect([...html.matchAll(/<li id="tab-[^"]*"( class="active")?>/g)]).toHaveLength(8);
    expect(html).toContain("Hipster list");
    expect(html).not.toContain("{%");
  });
});
