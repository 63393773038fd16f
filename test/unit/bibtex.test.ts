/** BibTeX → stored entries: the cases issue 11 names, each asserted on its own (fixtures cover whole exports). */
import { describe, expect, it } from "vitest";
import { bibliographyProblems, parseBibliography } from "../../scripts/lib/bibtex.ts";

const one = (bib: string) => Object.values(parseBibliography(bib, "refs.bib").entries)[0]!;

describe("parseBibliography", () => {
  it("ends a list written `and others` with et al., not a person called others", () => {
    const e = one("@article{a, title={T}, author={Doe, Jane and Roe, R. and others}, year=2020}");
    expect(e.authors).toEqual(["Jane Doe", "R. Roe"]);
    expect(e.etAl).toBe(true);
  });

  it("keeps `\\url{}` verbatim: `~`, `%` and what follows it survive, no markup in the text", () => {
    const e = one("@misc{a, title={T}, howpublished={\\url{https://example.org/~user/a%20b.html}}}");
    expect(e.venue).toBe("https://example.org/~user/a%20b.html");
    expect(e.url).toBe("https://example.org/~user/a%20b.html");
  });

  it("shows `\\href{u}{t}` as t and keeps u as the entry's link", () => {
    const e = one("@misc{a, title={T}, note={See \\href{https://example.org/a_b%2F}{our page}}}");
    expect(e.note).toBe("See our page");
    expect(e.url).toBe("https://example.org/a_b%2F");
  });

  it("keeps corporate authors in double braces whole, von and Jr parts, and writes bare initials as initials", () => {
    const e = one("@article{a, title={T}, author={{{Example Consortium}} and van der Berg, Jr., Anna and Taub, AH}}");
    expect(e.authors).toEqual(["Example Consortium", "Anna van der Berg Jr.", "A. H. Taub"]);
  });

  it("resolves month macros and @string concatenation; a missing year is absent, never `undefined`", () => {
    const e = one('@string{j = "Journal"}\n@article{a, title={T}, journal= "The " # j, month=feb}');
    expect(e).toMatchObject({ venue: "The Journal", month: 2 });
    expect(e.year).toBeUndefined();
    expect(JSON.stringify(e)).not.toContain("undefined");
  });

  it("decodes every brace form of an accent, and `<` stays a character", () => {
    expect(one("@misc{a, title={\\'e {\\'e} \\'{e} {\\'{e}} \\'\\i{} a<b}}").title).toBe("é é é é í a<b");
  });

  it("locates a broken entry at its @ line and names its key", () => {
    const { problems, broken } = parseBibliography("@misc{ok, title={OK}}\n\n@article{bad, title={Unclosed, year=2020\n", "refs.bib");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "refs.bib", line: 3, col: 1, severity: "error", key: "bad" });
    expect(broken.has("bad")).toBe(true);
  });

  it("compares duplicate keys ignoring case and keeps the first", () => {
    const { entries, problems } = parseBibliography("@misc{Key, title={First}}\n@misc{kEY, title={Second}}", "refs.bib");
    expect(Object.keys(entries)).toEqual(["Key"]);
    expect(problems).toMatchObject([{ line: 2, key: "key", severity: "error" }]);
  });

  it("warns at the url field's line about a `javascript:` URL and leaves it out", () => {
    const { entries, problems } = parseBibliography("@misc{a,\n  title={T},\n  url={javascript:alert(1)}}", "refs.bib");
    expect(entries["a"]!.url).toBeUndefined();
    expect(problems).toMatchObject([{ file: "refs.bib", line: 3, col: 3, severity: "warning" }]);
  });

  it("never reports line 0 for a file that cannot be parsed at all", () => {
    const { problems } = parseBibliography("@misc{a, title={T}}\n@misc{", "refs.bib");
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
  });
});

describe("bibliographyProblems", () => {
  const { problems } = parseBibliography("@misc{ok, title={OK}}\n@article{bad, title={Unclosed, year=2020\n", "refs.bib");
  it("makes an error in an entry no post cites a warning", () => {
    expect(bibliographyProblems(problems, new Set(["ok"]))).toMatchObject([{ line: 2, severity: "warning" }]);
  });
  it("keeps it an error when the entry is cited", () => {
    expect(bibliographyProblems(problems, new Set(["bad"]))).toMatchObject([{ line: 2, severity: "error" }]);
  });
});
