/**
 * BibTeX names as readers expect them, at build time. The parser splits each
 * name into First / von / Last / Jr (BibTeX's rules, "Last, Jr, First" forms
 * included) and keeps `{{Corporate Author}}` whole as `name`; this module
 * turns those parts into display names and CSL names, ends a list written
 * `… and others` with "et al." rather than a person called "others", and
 * writes bare initials as initials (`Taub, AH` → "A. H. Taub", as Google
 * Scholar exports them).
 */
import type { Creator } from "@retorquere/bibtex-parser";
import { decodeField } from "./bibtex-latex.ts";

/** A name in CSL-JSON form (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html#name-fields). */
export interface CslName {
  family?: string;
  given?: string;
  "non-dropping-particle"?: string;
  suffix?: string;
  literal?: string;
}

export interface NameList {
  /** Display names, `First von Last Jr.` or the corporate name. */
  display: string[];
  csl: CslName[];
  /** The list ended with `others`. */
  etAl: boolean;
}

const text = (s: string | undefined): string => (s ? decodeField(s).text : "");

/** `AH` → `A. H.`, `J` → `J.`; given names written out are left alone. */
export function initials(given: string): string {
  return given
    .split(" ")
    .map((part) => (/^\p{Lu}{1,3}$/u.test(part) ? [...part].map((c) => `${c}.`).join(" ") : /^\p{Lu}$/u.test(part) ? `${part}.` : part))
    .join(" ");
}

/** Display and CSL forms of a parsed creator list. */
export function nameList(creators: readonly Creator[] | undefined): NameList {
  const list: NameList = { display: [], csl: [], etAl: false };
  for (const c of creators ?? []) {
    if (c.name !== undefined) {
      const literal = text(c.name);
      // `and others` is BibTeX's "et al.", not an author.
      if (literal === "others") list.etAl = true;
      else if (literal) {
        list.display.push(literal);
        list.csl.push({ literal });
      }
      continue;
    }
    const family = text(c.lastName);
    const given = initials(text(c.firstName));
    const particle = text(c.prefix);
    const suffix = text(c.suffix);
    if (family === "others" && !given && !particle) {
      list.etAl = true;
      continue;
    }
    list.display.push([given, particle, family, suffix].filter(Boolean).join(" "));
    list.csl.push({ family, ...(given ? { given } : {}), ...(particle ? { "non-dropping-particle": particle } : {}), ...(suffix ? { suffix } : {}) });
  }
  return list;
}
