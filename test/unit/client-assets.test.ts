/** Client libraries are published under content-hashed names, with the files their stylesheets reference. */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildLibraries, keptLibraries, LIBRARY_DIR } from "../../scripts/lib/client-assets.ts";

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

  it("lists a stylesheet's parent-folder references (lightbox2's ../images/) under the public path they resolve to", async () => {
    const { libraries, files } = await buildLibraries({ lightbox2: { styles: ["lightbox2/dist/css/lightbox.min.css"] } });
    const css = libraries["lightbox2"]!.styles[0]!;
    const text = files.texts.get(css.slice(1))!;
    const refs = [...text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!).filter((r) => !/^['"]?data:/.test(r));
    expect(refs.length).toBeGreaterThanOrEqual(4);
    expect(refs).toContain(refs.find((r) => /^\.\.\/images\/prev\.[0-9a-f]{10}\.png$/.test(r)));
    for (const ref of refs) {
      // What the browser requests: the reference resolved against the stylesheet's folder.
      const served = new URL(ref, `https://example.org${css}`).pathname.slice(1);
      expect([...files.copies.keys()], ref).toContain(served);
    }
  });

  it("drops a stylesheet's @import from a CDN (pseudocode imports KaTeX's from cdnjs; the library lists its own copy)", async () => {
    const { libraries, files } = await buildLibraries({ pseudocode: { styles: ["pseudocode/build/pseudocode.min.css"] } });
    const text = files.texts.get(libraries["pseudocode"]!.styles[0]!.slice(1))!;
    expect(text).not.toMatch(/@import|cdnjs/);
    expect(text).toContain(".ps-root");
  });

  it("names a script by its content and copies it as is", async () => {
    const { libraries, files } = await buildLibraries({ demo: { scripts: [new URL("../../src/markdown/renderers.ts", import.meta.url)] } });
    const src = libraries["demo"]!.scripts[0]!;
    expect(src).toMatch(/^\/assets\/edgefolio\/lib\/renderers\.[0-9a-f]{10}\.ts$/);
    expect(files.copies.get(src.slice(1))).toMatch(/renderers\.ts$/);
  });
});

describe("keptLibraries", () => {
  it("is buildLibraries' result, kept while the files it read keep their size and time, built again when one changes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "edgefolio-libraries-"));
    try {
      const script = join(dir, "demo.js");
      await writeFile(script, "console.log('one');");
      const specs = { katex: { styles: ["katex/dist/katex.min.css"] }, demo: { scripts: [pathToFileURL(script)] } };
      const cache = join(dir, "cache");
      const first = await keptLibraries(cache, specs);
      expect(first).toEqual(await buildLibraries(specs));
      // The kept copy is what the next build reads: mark it, and the mark shows.
      const [file] = (await readdir(cache)).filter((f) => f.endsWith(".json"));
      const kept = JSON.parse(await readFile(join(cache, file!), "utf8")) as { libraries: Record<string, unknown> };
      await writeFile(join(cache, file!), JSON.stringify({ ...kept, libraries: { ...kept.libraries, marked: { styles: [], scripts: [] } } }));
      expect(Object.keys((await keptLibraries(cache, specs)).libraries)).toContain("marked");
      // An edited script (another size) is built again under its new hash.
      await writeFile(script, "console.log('two, longer');");
      const again = await keptLibraries(cache, specs);
      expect(Object.keys(again.libraries)).not.toContain("marked");
      expect(again.libraries["demo"]!.scripts[0]).not.toBe(first.libraries["demo"]!.scripts[0]);
      expect(again).toEqual(await buildLibraries(specs));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
