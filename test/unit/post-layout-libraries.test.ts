/** The post layout's client libraries resolve to installed files, published under hashed names. */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { buildLibraries } from "../../scripts/lib/client-assets.ts";
import { POST_LAYOUT_LIBRARIES } from "../../scripts/lib/post-layout-libraries.ts";
import { postLibraries } from "../../src/views/post-libraries.ts";

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
});
