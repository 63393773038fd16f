/**
 * Conformance of each Markdown/Liquid extension, as fixture pairs:
 * test/fixtures/markdown/<extension>/<case>.md → <case>.html (the rendered
 * body), plus <case>.problems when the case must report problems
 * (`line:col severity: message`, one a line). A folder may hold
 * bibliography.json (entries the cases may cite) and options.json (render
 * options for every case, e.g. `{ "footnotes": "distill" }`). Files under assets/ exist
 * unless their path contains "missing". Each case is rendered as the build does
 * (with KaTeX and the highlighter) and again as the worker does (fragments only).
 * UPDATE_FIXTURES=1 rewrites the expected files (review the diff!).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderPost } from "../../scripts/lib/render-post.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import { pageRenderers } from "../../scripts/lib/render/renderers.ts";
import { prerenderTikz } from "../../scripts/lib/render/tikz.ts";
import { renderMarkdown, type RenderOptions } from "../../src/markdown/pipeline.ts";

const ROOT = fileURLToPath(new URL("../fixtures/markdown/", import.meta.url));
const update = process.env["UPDATE_FIXTURES"] === "1";

/** The content folder the cases see: assets exist unless "missing" is in their path (JPEGs are 800×600); one notebook; two posts; a site and a page. */
const FIXTURE_CONTENT = {
  assetExists: (p: string) => !p.includes("missing"),
  imageSize: (p: string) => (p.endsWith(".jpg") && !p.includes("missing") ? { width: 800, height: 600 } : undefined),
  readAsset: (p: string) => (p.includes("missing") ? undefined : existsSync(join(ROOT, "..", "content", p)) ? readFileSync(join(ROOT, "..", "content", p), "utf8") : undefined),
  postUrl: (name: string) => ({ "2024-01-03-hello": "/blog/2024/hello/", "2023-12-31-old-post": "/blog/2023/old-post/" } as Record<string, string>)[name],
  site: { url: "https://example.org", title: "Fixture site", author: { name: "A. Author" } },
  page: { title: "A fixture post", date: new Date("2024-01-03T10:00:00Z"), url: "/blog/2024/fixture/", tags: ["ml", "c++"], description: "About fixtures" },
};

function check(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  else expect(actual).toBe(existsSync(file) ? readFileSync(file, "utf8") : `(missing ${file})`);
}

// TikZ compiles asynchronously, ahead of the page (as loadContent does for a site).
beforeAll(async () => {
  const cases = readdirSync(ROOT).flatMap((e) => readdirSync(join(ROOT, e)).filter((f) => f.endsWith(".md")).map((f) => join(ROOT, e, f)));
  await prerenderTikz(cases.map((f) => readFileSync(f, "utf8")));
}, 60_000);

for (const extension of readdirSync(ROOT).sort()) {
  const dir = join(ROOT, extension);
  const bibFile = join(dir, "bibliography.json");
  const bibliography = existsSync(bibFile) ? (JSON.parse(readFileSync(bibFile, "utf8")) as Bibliography) : undefined;
  const optionsFile = join(dir, "options.json");
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as RenderOptions) : {};
  describe(extension, () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
      const base = join(dir, name.slice(0, -3));
      it(name.slice(0, -3), () => {
        const post = renderPost(readFileSync(base + ".md", "utf8"), { ...options, ...FIXTURE_CONTENT, renderers: pageRenderers(), ...(bibliography ? { bibliography } : {}) });
        const { doc } = post;
        check(base + ".html", doc.html);
        // The worker, given what the build stored and no renderers, derives the same keys and page.
        const stored: RenderOptions = { fragments: post.fragments, embeds: post.embeds, ...(options.footnotes ? { footnotes: options.footnotes } : {}), ...(bibliography ? { bibliography } : {}) };
        expect(renderMarkdown(post.body, stored).html).toBe(doc.html);
        const problems = doc.problems.map((p) => `${p.line}:${p.col} ${p.severity}: ${p.message}\n`).join("");
        if (problems || existsSync(base + ".problems")) check(base + ".problems", problems);
      });
    }
  });
}
