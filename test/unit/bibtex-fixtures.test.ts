/**
 * BibTeX as real exports write it (Zotero, Google Scholar, DBLP, arXiv) and
 * the LaTeX and name cases a TeX user expects decoded:
 * test/fixtures/bibtex/<case>.bib → <case>.json (the stored entries and the
 * located problems). Each file is our own data in the style of that exporter.
 * UPDATE_FIXTURES=1 rewrites the expected files (review the diff!).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBibliography } from "../../scripts/lib/bibtex.ts";

const ROOT = fileURLToPath(new URL("../fixtures/bibtex/", import.meta.url));
const update = process.env["UPDATE_FIXTURES"] === "1";

describe("BibTeX fixtures", () => {
  for (const name of readdirSync(ROOT).filter((f) => f.endsWith(".bib")).sort()) {
    it(name, () => {
      const parsed = parseBibliography(readFileSync(join(ROOT, name), "utf8"), name);
      const actual = `${JSON.stringify({ entries: parsed.entries, problems: parsed.problems }, null, 2)}\n`;
      const expected = join(ROOT, name.replace(/\.bib$/, ".json"));
      if (update) writeFileSync(expected, actual);
      else expect(actual).toBe(existsSync(expected) ? readFileSync(expected, "utf8") : `(missing ${expected})`);
    });
  }
});
