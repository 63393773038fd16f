/** bootstrap-table `data-url` tables get their rows at build time (a fragment), read back by the worker. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import { dataTableRenderer } from "../../scripts/lib/render/data-table.ts";
import type { Fragments } from "../../src/markdown/fragments.ts";

const TABLE = '<table data-toggle="table" data-url="/assets/json/t.json">\n  <thead><tr><th data-field="id">ID</th><th data-field="name">Name</th></tr></thead>\n</table>\n';
const files: Record<string, string> = { "assets/json/t.json": '[{"id":1,"name":"a & <b>"},{"id":2}]', "assets/json/bad.json": "{oops" };
const read = (path: string) => files[path];

describe("data-url tables", () => {
  it("the build writes every row, escaped, and the worker reads the same HTML back from the fragments", () => {
    const fragments: Fragments = {};
    const built = renderMarkdown(TABLE, { fragments, renderers: { tableRows: dataTableRenderer(read) } }).html;
    expect(built).toContain("</thead><tbody><tr><td>1</td><td>a &amp; &lt;b&gt;</td></tr><tr><td>2</td><td></td></tr></tbody>\n</table>");
    expect(Object.keys(fragments)).toEqual([expect.stringMatching(/^table:[0-9a-f]{16}$/)]);
    expect(renderMarkdown(TABLE, { fragments }).html).toBe(built);
  });

  it("leaves the table to the browser when the file is missing, not JSON, or outside assets/", () => {
    for (const url of ["/assets/json/missing.json", "/assets/json/bad.json", "https://example.org/t.json", "/../secret.json"]) {
      const html = renderMarkdown(TABLE.replace("/assets/json/t.json", url), { fragments: {}, renderers: { tableRows: dataTableRenderer(read) } }).html;
      expect(html, url).not.toContain("<tbody>");
    }
  });
});
