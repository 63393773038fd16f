/**
 * Highwire `citation_reference` values for cited works: where a work appeared
 * is named with the tag Google Scholar's inclusion guide gives for its kind.
 */
import { describe, expect, it } from "vitest";
import { highwireReference } from "../../src/views/citable.ts";
import type { BibEntry } from "../../src/bibliography/types.ts";

const work = (type: string, extra: Partial<BibEntry> = {}): BibEntry => ({ key: "k", type, title: "Tidal Heating of Small Moons", authors: ["Ines Varga"], year: "2019", ...extra });
const tags = (entry: BibEntry) => highwireReference(entry).split(";");

describe("highwireReference", () => {
  it("an article's venue is its journal", () => {
    expect(tags(work("article", { venue: "Icarus", volume: "331", issue: "2" }))).toEqual(["citation_title=Tidal Heating of Small Moons", "citation_author=Ines Varga", "citation_publication_date=2019", "citation_journal_title=Icarus", "citation_volume=331", "citation_issue=2"]);
  });

  it("a book names its publisher, never a journal", () => {
    const out = tags(work("book", { venue: "Harbour Books" }));
    expect(out).toContain("citation_publisher=Harbour Books");
    expect(out.join(";")).not.toContain("citation_journal_title");
  });

  it("conference papers, chapters, theses and reports get their own venue tags", () => {
    expect(tags(work("inproceedings", { venue: "Planetary Days 2019" }))).toContain("citation_conference_title=Planetary Days 2019");
    expect(tags(work("incollection", { venue: "Essays on Moons" }))).toContain("citation_inbook_title=Essays on Moons");
    expect(tags(work("phdthesis", { venue: "University of Graz" }))).toContain("citation_dissertation_institution=University of Graz");
    expect(tags(work("techreport", { venue: "Lunar Lab" }))).toContain("citation_technical_report_institution=Lunar Lab");
  });

  it("a publisher besides the venue, and a page range split into first and last page", () => {
    const out = tags(work("inproceedings", { venue: "Planetary Days", publisher: "Orbit Press", pages: "12--19" }));
    expect(out).toEqual(expect.arrayContaining(["citation_publisher=Orbit Press", "citation_firstpage=12", "citation_lastpage=19"]));
    expect(tags(work("article", { pages: "e7" }))).toContain("citation_firstpage=e7");
    expect(tags(work("article", { pages: "e7" })).join(";")).not.toContain("citation_lastpage");
  });

  it("a semicolon inside a value cannot start a new tag", () => {
    expect(tags(work("article", { venue: "Moons; Rings" }))).toContain("citation_journal_title=Moons, Rings");
  });
});
