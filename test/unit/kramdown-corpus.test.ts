/**
 * al-folio's sample posts that use kramdown syntax show none of it as text
 * (issue 10). Runs when ../shared/corpus exists (as in CI), skipped otherwise.
 * Only the build's per-post step (Liquid, then Markdown) is exercised here; the whole-site corpus build
 * lives in the integration tests.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderPost } from "../../scripts/lib/render-post.ts";

const POSTS = fileURLToPath(new URL("../../../shared/corpus/al-folio/_posts/", import.meta.url));

/** The post's body, after its front matter. */
function body(name: string): string {
  const text = readFileSync(POSTS + name, "utf8");
  return text.replace(/^---\n[\s\S]*?\n---\n/, "");
}

/** The HTML without code, where kramdown syntax may legitimately be shown. */
const outsideCode = (html: string) => html.replace(/<pre[\s>][\s\S]*?<\/pre>/g, "").replace(/<code[\s>][\s\S]*?<\/code>/g, "");

describe.skipIf(!existsSync(POSTS))("al-folio posts with kramdown syntax", () => {
  it.each([
    ["2021-07-04-diagrams.md", '<a href="https://mermaid-js.github.io/mermaid/" target="_blank">mermaid</a>'],
    ["2023-05-12-custom-blockquotes.md", '<blockquote class="block-danger">'],
    ["2023-04-25-sidebar-table-of-contents.md", 'data-toc-text="Customizing"'],
    ["2023-07-04-jupyter-notebook.md", ""],
    ["2018-12-22-distill.md", ""],
  ])("%s shows no kramdown syntax as text", (name, construct) => {
    const { doc } = renderPost(body(name), { assetExists: () => true });
    const text = outsideCode(doc.html);
    for (const syntax of ["{:", "{::", "[^"]) expect(text, syntax).not.toContain(syntax);
    expect(doc.html).toContain(construct);
  });

  it("the sidebar-TOC post's data-toc-text lands on its heading", () => {
    const { doc } = renderPost(body("2023-04-25-sidebar-table-of-contents.md"), { assetExists: () => true });
    expect(doc.headings.find((h) => h.text === "Customizing Your Table of Contents")?.attrs).toEqual({ "data-toc-text": "Customizing" });
  });
});
