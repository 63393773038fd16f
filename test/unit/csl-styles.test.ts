/**
 * Reference entries in each offered citation style, formatted at build time
 * by citation-js (CSL): test/fixtures/bibtex/*.bib (all entries, file order)
 * → test/fixtures/csl/<style>.html, one sanitised entry a line.
 * UPDATE_FIXTURES=1 rewrites the expected files (review the diff!).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBibliography, type CslItem } from "../../scripts/lib/bibtex.ts";
import { formatEntries, sanitizeEntryHtml } from "../../scripts/lib/csl.ts";
import { loadStyle } from "../../scripts/lib/csl-styles.ts";

const BIB = fileURLToPath(new URL("../fixtures/bibtex/", import.meta.url));
const OUT = fileURLToPath(new URL("../fixtures/csl/", import.meta.url));
const update = process.env["UPDATE_FIXTURES"] === "1";
const STYLES = ["apa", "ieee", "chicago-author-date", "modern-language-association", "vancouver"];

const items: CslItem[] = readdirSync(BIB).filter((f) => f.endsWith(".bib") && f !== "problems.bib").sort()
  .flatMap((f) => Object.values(parseBibliography(readFileSync(join(BIB, f), "utf8"), f).csl));

describe("CSL styles", () => {
  for (const style of STYLES) {
    it(style, () => {
      const html = formatEntries(items, style);
      const actual = items.map((i) => `${i.id}\t${html[i.id]}\n`).join("");
      const file = join(OUT, `${style}.html`);
      if (update) writeFileSync(file, actual);
      else expect(actual).toBe(existsSync(file) ? readFileSync(file, "utf8") : `(missing ${file})`);
    });
  }

  it("numbers IEEE entries in citation order, so its labels match ours (the label itself is dropped)", () => {
    const html = formatEntries(items.slice(0, 2), "ieee");
    expect(Object.keys(html)).toEqual([items[0]!.id, items[1]!.id]);
    expect(html[items[0]!.id]).not.toMatch(/^\[1\]/);
  });

  it("knows styles from the CSL repository and refuses made-up ones", () => {
    expect(loadStyle("nature")).toBe(true);
    expect(loadStyle("no-such-style-anywhere")).toBe(false);
    expect(loadStyle("../../etc/passwd")).toBe(false);
  });

  it("keeps only allowed markup: BibTeX data cannot become a script or an event handler", () => {
    expect(sanitizeEntryHtml('<div class="csl-entry"><i onclick="x()">T</i> &#60;script&#62; <a href="javascript:alert(1)">u</a> <span style="font-variant:small-caps;">sc</span></div>'))
      .toBe('<i>T</i> &lt;script&gt; <span>u</span> <span class="small-caps">sc</span>');
    const { csl } = parseBibliography('@misc{x, title={<img src=x onerror=alert(1)>}, url={https://e.org/"onmouseover="a}, year=2000}', "x.bib");
    const html = formatEntries([csl["x"]!], "apa")["x"]!;
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('<a href="https://e.org/%22onmouseover=%22a">');
    expect(html).not.toMatch(/<img|"onmouseover/);
  });
});
