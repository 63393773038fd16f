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
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { Fragments } from "../../src/markdown/fragments.ts";
import { pageRenderers } from "../../scripts/lib/render/renderers.ts";
import type { RenderOptions } from "../../src/markdown/pipeline.ts";

const ROOT = fileURLToPath(new URL("../fixtures/markdown/", import.meta.url));
const update = process.env["UPDATE_FIXTURES"] === "1";

function check(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  else expect(actual).toBe(existsSync(file) ? readFileSync(file, "utf8") : `(missing ${file})`);
}

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
        const source = readFileSync(base + ".md", "utf8");
        const fragments: Fragments = {};
        const caseOptions: RenderOptions = { ...options, assetExists: (p) => !p.includes("missing"), ...(bibliography ? { bibliography } : {}) };
        const doc = renderMarkdown(source, { ...caseOptions, fragments, renderers: pageRenderers() });
        check(base + ".html", doc.html);
        // The worker, given what the build stored and no renderers, derives the same keys and page.
        expect(renderMarkdown(source, { ...caseOptions, fragments }).html).toBe(doc.html);
        const problems = doc.problems.map((p) => `${p.line}:${p.col} ${p.severity}: ${p.message}\n`).join("");
        if (problems || existsSync(base + ".problems")) check(base + ".problems", problems);
      });
    }
  });
}
