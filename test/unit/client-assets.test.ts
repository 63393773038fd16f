/** Client libraries are published under content-hashed names, with the files their stylesheets reference. */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { buildLibraries, LIBRARY_DIR } from "../../scripts/lib/client-assets.ts";

describe("buildLibraries", () => {
  it("publishes KaTeX's stylesheet with every font it references, each under a hashed name", async () => {
    const { libraries, files } = await buildLibraries({ katex: { styles: ["katex/dist/katex.min.css"] } });
    const css = libraries["katex"]!.styles[0]!;
    expect(css).toMatch(new RegExp(`^/${LIBRARY_DIR}/katex\\.min\\.[0-9a-f]{10}\\.css$`));
    const text = files.texts.get(css.slice(1))!;
    const refs = [...text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^fonts\/KaTeX_[\w-]+\.[0-9a-f]{10}\.(woff2|woff|ttf)$/);
      const source = files.copies.get(`${LIBRARY_DIR}/${ref}`);
      expect(source, ref).toBeDefined();
      expect(existsSync(source!)).toBe(true);
    }
  });

  it("names a script by its content and copies it as is", async () => {
    const { libraries, files } = await buildLibraries({ demo: { scripts: [new URL("../../src/markdown/renderers.ts", import.meta.url)] } });
    const src = libraries["demo"]!.scripts[0]!;
    expect(src).toMatch(/^\/assets\/edgefolio\/lib\/renderers\.[0-9a-f]{10}\.ts$/);
    expect(files.copies.get(src.slice(1))).toMatch(/renderers\.ts$/);
  });
});
