/** The post layout's client libraries resolve to installed files, published under hashed names. */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { buildLibraries } from "../../scripts/lib/client-assets.ts";
import { POST_LAYOUT_LIBRARIES } from "../../scripts/lib/post-layout-libraries.ts";
import { postLibraries } from "../../src/views/post-libraries.ts";
import { diagramLibraries } from "../../src/content/diagrams.ts";
import { renderPost } from "../../scripts/lib/render-post.ts";

describe("post layout libraries", () => {
  it("every file exists and gets a content-hashed public name", async () => {
    const { libraries, files } = await buildLibraries(POST_LAYOUT_LIBRARIES);
    for (const [name, lib] of Object.entries(libraries)) {
      expect(lib.scripts.length, name).toBeGreaterThan(0);
      for (const path of [...lib.styles, ...lib.scripts]) expect(path, name).toMatch(/\.[0-9a-f]{10}\.(js|css)$/);
    }
    for (const source of files.copies.values()) expect(existsSync(source), source).toBe(true);
  });

  it("front matter picks the libraries: pretty_table, and each images key set to true", () => {
    expect(postLibraries({ extras: {} })).toEqual([]);
    expect(postLibraries({ extras: { pretty_table: true, images: { slider: true, compare: false, photoswipe: true, unknown: true } } })).toEqual(["pretty-table", "swiper", "photoswipe"]);
  });

  it("a zoomable picture (figure include or raw <img data-zoomable>) is recorded by the build and loads medium-zoom", () => {
    const figure = renderPost('{% include figure.liquid path="https://example.org/a.png" alt="A" zoomable=true %}\n');
    expect(figure.embeds).toContain("zoom");
    expect(renderPost('<img src="https://example.org/a.png" alt="A" data-zoomable>\n').embeds).toContain("zoom");
    expect(renderPost('{% include figure.liquid path="https://example.org/a.png" alt="A" %}\n\n`<img data-zoomable>` in code\n').embeds).not.toContain("zoom");
    expect(postLibraries({ extras: {} }, ["zoom"])).toEqual(["medium-zoom"]);
  });

  it("mermaid's pan and zoom only with `mermaid: {zoomable: true}` and a mermaid fence", () => {
    expect(diagramLibraries({ mermaid: { enabled: true, zoomable: true } }, ["mermaid"]).libraries).toEqual(["mermaid", "mermaid-zoom", "diagrams"]);
    expect(diagramLibraries({ mermaid: { enabled: true } }, ["mermaid"]).libraries).toEqual(["mermaid", "diagrams"]);
    expect(diagramLibraries({ mermaid: { enabled: true, zoomable: true } }, ["chartjs"]).libraries).toEqual([]);
  });
});
