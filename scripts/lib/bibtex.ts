/**
 * BibTeX → BibEntry, at build time only (the parser and its LaTeX tables stay
 * out of the worker). @retorquere/bibtex-parser resolves `@string` macros and
 * turns LaTeX into Unicode (`{\"o}` → ö), which distill's own parser loses.
 */
import { parse, type Creator, type Entry } from "@retorquere/bibtex-parser";
import type { ContentError } from "../../src/content/error.ts";
import type { BibEntry, Bibliography } from "../../src/bibliography/types.ts";

/** Keep titles as written: no sentence-casing, braces only protect case. */
const OPTIONS = { sentenceCase: false, english: false, caseProtection: false, unsupported: "ignore" } as const;

const creatorName = (c: Creator): string => (c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(" ")).normalize("NFC");

/** The parser marks rich text with a few HTML tags (`<i>`, `<sup>`…); entries hold plain text. */
const plain = (value: unknown): string | undefined => {
  const s = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : undefined;
  // NFC: the parser composes accents as base letter + combining mark; readers (and search) expect `ö`.
  return s?.replace(/<\/?(?:i|b|sup|sub|sc|span|nc)(?:\s[^>]*)?>/g, "").replace(/\s+/g, " ").trim().normalize("NFC") || undefined;
};

function toEntry(e: Entry): BibEntry {
  const f = e.fields as Record<string, unknown>;
  const venue = plain(f["journal"]) ?? plain(f["journaltitle"]) ?? plain(f["booktitle"]) ?? plain(f["howpublished"]) ?? plain(f["school"]) ?? plain(f["institution"]) ?? plain(f["publisher"]);
  const year = plain(f["year"]) ?? plain(f["date"])?.slice(0, 4);
  const doi = plain(f["doi"]);
  const url = plain(f["url"]);
  const note = plain(f["note"]);
  return {
    key: e.key,
    type: e.type.toLowerCase(),
    title: plain(f["title"]) ?? e.key,
    authors: ((f["author"] as Creator[] | undefined) ?? (f["editor"] as Creator[] | undefined) ?? []).map(creatorName),
    ...(venue ? { venue } : {}),
    ...(year ? { year } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
    ...(note ? { note } : {}),
  };
}

export function parseBibliography(text: string, file: string): { entries: Bibliography; problems: ContentError[] } {
  const problems: ContentError[] = [];
  let library;
  try {
    library = parse(text, OPTIONS);
  } catch (err) {
    return { entries: {}, problems: [{ file, line: 0, col: 0, severity: "error", message: `cannot parse BibTeX: ${(err as Error).message.split("\n")[0]}` }] };
  }
  for (const e of library.errors) {
    const at = e.input ? text.indexOf(e.input) : -1;
    const line = at < 0 ? 0 : text.slice(0, at).split("\n").length;
    problems.push({ file, line, col: 0, severity: "error", message: `invalid BibTeX: ${e.error}` });
  }
  const entries: Bibliography = {};
  for (const e of library.entries) {
    if (Object.hasOwn(entries, e.key)) problems.push({ file, ...lineOf(text, e.input), severity: "warning", message: `duplicate BibTeX key \`${e.key}\`; the first entry is used` });
    else entries[e.key] = toEntry(e);
  }
  return { entries, problems };
}

/** Where an entry's source text starts (its `@type{` line). */
function lineOf(text: string, input: string): { line: number; col: number } {
  const i = text.indexOf(input);
  if (i < 0) return { line: 0, col: 0 };
  return { line: text.slice(0, i).split("\n").length, col: 1 };
}
