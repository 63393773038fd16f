/** BibTeX → stored entries: LaTeX to Unicode, @string macros, located problems. */
import { describe, expect, it } from "vitest";
import { parseBibliography } from "../../scripts/lib/bibtex.ts";

const BIB = `@string{jmlr = "Journal of Machine Learning Research"}

@article{a,
  title = {Caf{\\'e} {\\"U}ber {Case} \\& $\\alpha$},
  author = {M{\\"u}ller, J{\\"o}rg and van der Berg, Anna and {Google DeepMind}},
  journal = jmlr,
  year = {2020},
  doi = {10.1/x},
  url = {https://example.org/a}
}

@inproceedings{b, title = {B}, author = {Doe, J.}, booktitle = {Proc. B}, year = 2021}

@article{a, title = {Duplicate}}
`;

describe("parseBibliography", () => {
  it("keeps diacritics (NFC), resolves @string macros and formats names First Last", () => {
    const { entries, problems } = parseBibliography(BIB, "refs.bib");
    expect(entries["a"]).toEqual({
      key: "a", type: "article", title: "Café Über Case & α", authors: ["Jörg Müller", "Anna van der Berg", "Google DeepMind"],
      venue: "Journal of Machine Learning Research", year: "2020", doi: "10.1/x", url: "https://example.org/a",
    });
    expect(entries["a"]!.title).toBe(entries["a"]!.title.normalize("NFC"));
    expect(entries["b"]).toMatchObject({ venue: "Proc. B", year: "2021", authors: ["J. Doe"] });
    expect(problems).toEqual([{ file: "refs.bib", line: 14, col: 1, severity: "warning", message: "duplicate BibTeX key `a`; the first entry is used" }]);
  });

  it("reports a broken entry at its line", () => {
    const { problems } = parseBibliography("@misc{ok, title={OK}}\n\n@article{bad, title={Unclosed, year=2020\n", "refs.bib");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "refs.bib", line: 3, severity: "error" });
    expect(problems[0]!.message).toMatch(/^invalid BibTeX: /);
  });
});
