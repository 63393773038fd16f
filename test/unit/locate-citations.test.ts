/** Unknown `<d-cite>` keys: located, and the hint names the keys the author probably meant. */
import { describe, expect, it } from "vitest";
import { locateCitations, similarKeys } from "../../src/markdown/locate-citations.ts";

const KEYS = ["vaswani2017attention", "olah2017feature", "knuth1984literate", "Knuth1984"];

describe("similarKeys", () => {
  it("finds a typo, a different case and a missing digit, closest first", () => {
    expect(similarKeys("vaswani2017atention", KEYS)).toEqual(["vaswani2017attention"]);
    expect(similarKeys("OLAH2017FEATURE", KEYS)).toEqual(["olah2017feature"]);
    expect(similarKeys("knuth198", KEYS)).toEqual(["Knuth1984"]);
  });

  it("suggests nothing for a key unlike any other", () => {
    expect(similarKeys("hopper1952compiler", KEYS)).toEqual([]);
  });
});

describe("locateCitations", () => {
  const body = 'Intro.\n\nAs shown<d-cite key="olah2017featur, nobody1999"></d-cite>.\n';

  it("puts each unknown key at its tag, with a did-you-mean hint when one is close", () => {
    expect(locateCitations(body, ["olah2017featur", "nobody1999"], KEYS)).toEqual([
      { line: 3, col: 9, severity: "error", message: "unknown citation key `olah2017featur`", hint: "did you mean `olah2017feature`? (keys are those of the post's `bibliography:` file)" },
      { line: 3, col: 9, severity: "error", message: "unknown citation key `nobody1999`", hint: "the post's `bibliography:` file has no entry `nobody1999`: add it there, or check the key" },
    ]);
  });

  it("without a bibliography, says how to name one", () => {
    expect(locateCitations(body, ["nobody1999"], undefined)[0]!.hint).toBe("add `bibliography: NAME.bib` to the front matter (file in assets/bibliography/)");
  });
});
