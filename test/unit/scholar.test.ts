/** jekyll-scholar's output for a post, from al-folio's own papers.bib style of entries (our data). */
import { describe, expect, it } from "vitest";
import { parseBibliography } from "../../scripts/lib/bibtex.ts";
import { scholarSession } from "../../scripts/lib/scholar.ts";

const PAPERS = parseBibliography(`---
---
@article{curie1903, title={Radioactive Substances}, author={Curie, Marie}, journal={Chemical News}, year={1903}}
@book{noether1921, title={Ideal Theory in Rings}, author={Noether, Emmy and Schmidt, Otto}, publisher={Example Press}, year={1921}}
@misc{lovelace1843, title={Notes on the Analytical Engine}, author={Lovelace, Ada}, year={1843}}
`, "papers.bib");

describe("scholarSession", () => {
  it("cites in APA by default, linked to the entry, and lists cited works in citation order", () => {
    const s = scholarSession([PAPERS], undefined);
    expect(s.cite(["noether1921"])).toEqual({ html: '<a class="citation" href="#ref-noether1921">(Noether &amp; Schmidt, 1921)</a>' });
    expect(s.cite(["curie1903", "noether1921"])).toEqual({ html: '<a class="citation" href="#ref-curie1903">(Curie, 1903; Noether &amp; Schmidt, 1921)</a>' });
    expect(s.cited()).toEqual(["noether1921", "curie1903"]);
    const list = s.bibliography(true);
    expect(list.replace(/<details class="bibtex[^]*?<\/details>/g, "")).toBe('<ol class="bibliography"><li id="ref-noether1921"><span class="reference">Noether, E., &amp; Schmidt, O. (1921). <i>Ideal Theory in Rings</i>. Example Press.</span></li><li id="ref-curie1903"><span class="reference">Curie, M. (1903). Radioactive Substances. <i>Chemical News</i>.</span></li></ol>');
    // al-folio's "Bib": each entry's BibTeX as written, on demand, with a Copy button shown by script.
    expect(list).toContain('<details class="bibtex"><summary>BibTeX</summary><div class="citation-bibtex"><pre><code id="bibtex-curie1903">@article{curie1903, title={Radioactive Substances}, author={Curie, Marie}, journal={Chemical News}, year={1903}}</code></pre><button type="button" class="copy-citation" data-copy-target="bibtex-curie1903" hidden>Copy</button></div></details>');
  });

  it("numbers a numeric style by first citation", () => {
    const s = scholarSession([PAPERS], "ieee");
    expect(s.cite(["lovelace1843"])).toMatchObject({ html: expect.stringContaining(">[1]</a>") });
    expect(s.cite(["curie1903"])).toMatchObject({ html: expect.stringContaining(">[2]</a>") });
    expect(s.cite(["lovelace1843"])).toMatchObject({ html: expect.stringContaining(">[1]</a>") });
  });

  it("prints a full reference, and refuses unknown keys with a message", () => {
    const s = scholarSession([PAPERS], undefined);
    expect(s.reference("lovelace1843")).toEqual({ html: '<span class="reference">Lovelace, A. (1843). <i>Notes on the Analytical Engine</i>.</span>' });
    expect(s.cite(["nosuch"])).toEqual({ error: "unknown citation key `nosuch`" });
  });

  it("shows an entry's BibTeX as the file has it: every line, URLs and LaTeX untouched, escaped for HTML", () => {
    const bib = parseBibliography(`@misc{web2024,
  title  = {Tables \\& <Chairs>},
  author = {M{\\"u}ller, Jana},
  howpublished = {\\url{https://example.org/~jm/a%20b.html}},
  year   = {2024}
}
`, "web.bib");
    const s = scholarSession([bib], undefined);
    s.cite(["web2024"]);
    const code = /<code id="bibtex-web2024">([^]*?)<\/code>/.exec(s.bibliography(true))?.[1];
    expect(code).toBe(`@misc{web2024,
  title  = {Tables \\&amp; &lt;Chairs&gt;},
  author = {M{\\&quot;u}ller, Jana},
  howpublished = {\\url{https://example.org/~jm/a%20b.html}},
  year   = {2024}
}`);
  });

  it("gives ids once: a related-publications list after a bibliography has none", () => {
    const s = scholarSession([PAPERS], undefined);
    s.cite(["curie1903"]);
    expect(s.bibliography(true)).toContain('id="ref-curie1903"');
    expect(s.relatedPublications()).not.toContain("id=\"ref-");
  });
});
