/**
 * BibTeX → BibEntry (what a post page stores) and CSL-JSON (what the style
 * formatter reads), at build time only: the parser and its LaTeX tables stay
 * out of the worker. @retorquere/bibtex-parser resolves `@string` macros and
 * `#` concatenation and decodes LaTeX; ./bibtex-latex.ts and ./bibtex-names.ts
 * fix what it leaves (URLs in `\url`/`\href`, `<`, names, `others`).
 *
 * Problems carry the key of the entry they concern, so the build can make an
 * error in an entry no post cites a warning (see `bibliographyProblems`).
 */
import { parse, type Creator, type Entry } from "@retorquere/bibtex-parser";
import type { ContentError } from "../../src/content/error.ts";
import { positionAt } from "../../src/content/error.ts";
import type { BibEntry, Bibliography } from "../../src/bibliography/types.ts";
import { decodeField, decodeVerbatim, protectSource } from "./bibtex-latex.ts";
import { nameList, type CslName } from "./bibtex-names.ts";

/** Keep titles as written: no sentence-casing, braces only protect case. */
const OPTIONS = { sentenceCase: false, english: false, caseProtection: false, unsupported: "ignore" } as const;

/** A CSL-JSON item (the subset the build fills): https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  "container-title"?: string;
  publisher?: string;
  issued?: { "date-parts": [[number] | [number, number]] } | { literal: string };
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
  note?: string;
  number?: string;
  genre?: string;
}

/** A problem in a .bib file; `key` (lowercase) names the entry it concerns, when known. */
export interface BibProblem extends ContentError {
  key?: string;
}

export interface ParsedBibliography {
  entries: Bibliography;
  /** The same entries as CSL-JSON, by key. */
  csl: Record<string, CslItem>;
  /** Lowercased keys of entries left out because they do not parse. */
  broken: Set<string>;
  /** Each entry's BibTeX as written in the file (its whole lines), by key: what a reader copies. */
  source?: Record<string, string>;
  problems: BibProblem[];
}

const CSL_TYPES: Record<string, string> = {
  article: "article-journal", inproceedings: "paper-conference", conference: "paper-conference", proceedings: "book",
  book: "book", inbook: "chapter", incollection: "chapter", phdthesis: "thesis", mastersthesis: "thesis", thesis: "thesis",
  techreport: "report", report: "report", manual: "report", online: "webpage", electronic: "webpage", www: "webpage",
  unpublished: "manuscript", misc: "article", software: "software", dataset: "dataset", patent: "patent",
};

/** The name that stands for BibTeX's `others` in CSL author lists. */
export const ET_AL = "et al.";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** 1–12 from what the parser left of `month` (`5`, `may`, `May`, `September`), else undefined. */
function monthNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = /^\d{1,2}$/.test(value) ? Number(value) : MONTHS.indexOf(value.slice(0, 3).toLowerCase()) + 1;
  return n >= 1 && n <= 12 ? n : undefined;
}

/** The key of an entry from its source text, even when the entry does not parse. */
const keyOf = (input: string): string | undefined => /^\s*@\s*\w+\s*[{(]\s*([^\s,{}()=]+)/.exec(input)?.[1];

const SAFE_URL = /^(?:https?:\/\/|mailto:|\/|\.{0,2}\/|#|[^:]*$)/i;

interface Located {
  file: string;
  text: string;
  /** Offset of the entry's `@` in the file. */
  at: number;
}

/** Where a field starts inside an entry (its name), for warnings about it. */
function fieldPosition(loc: Located, input: string, field: string): { line: number; col: number } {
  const i = new RegExp(`[,{(\\s]${field}\\s*=`, "i").exec(input);
  return positionAt(loc.text, loc.at + (i ? i.index + 1 : 0));
}

function toEntry(e: Entry, loc: Located, problems: BibProblem[]): { entry: BibEntry; csl: CslItem } {
  const f = e.fields as Record<string, unknown>;
  const key = e.key.toLowerCase();
  const str = (name: string) => (typeof f[name] === "string" ? (f[name] as string) : Array.isArray(f[name]) && typeof (f[name] as unknown[])[0] === "string" ? (f[name] as string[]).join(", ") : undefined);
  const links: string[] = [];
  const field = (name: string): string | undefined => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    const d = decodeField(raw);
    if (d.link) links.push(d.link);
    return d.text || undefined;
  };
  const verbatim = (name: string) => {
    const raw = str(name);
    return raw === undefined ? undefined : decodeVerbatim(raw) || undefined;
  };

  const type = e.type.toLowerCase();
  const authors = nameList(f["author"] as Creator[] | undefined);
  const editors = nameList(f["editor"] as Creator[] | undefined);
  const shown = authors.display.length || authors.etAl ? authors : editors;
  const title = field("title");
  const journal = field("journal") ?? field("journaltitle");
  const booktitle = field("booktitle");
  const howpublished = field("howpublished");
  const school = field("school") ?? field("institution");
  const publisher = field("publisher") ?? field("organization");
  const note = field("note");
  const eprint = verbatim("eprint");
  const arxiv = eprint && /arxiv/i.test(str("archiveprefix") ?? str("eprinttype") ?? "") ? eprint : undefined;
  const venue = journal ?? booktitle ?? howpublished ?? school ?? (arxiv ? `arXiv:${arxiv}` : undefined) ?? publisher;
  const yearText = field("year") ?? field("date")?.slice(0, 4);
  const month = monthNumber(str("month")) ?? monthNumber(field("date")?.slice(5, 7));
  const doi = verbatim("doi")?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "");

  // Characters a URL cannot hold literally are percent-encoded, so no formatter can end an attribute with them.
  let url = (verbatim("url") ?? links[0] ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : undefined))?.replace(/["<>\s`]/g, (c) => encodeURIComponent(c));
  if (url && !SAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ""))) {
    problems.push({ file: loc.file, ...fieldPosition(loc, e.input, "url"), severity: "warning", key, message: `entry \`${e.key}\`: url \`${url.slice(0, 60)}\` is not a web address; it is left out`, hint: "use an http(s) URL" });
    url = undefined;
  }

  const entry: BibEntry = {
    key: e.key,
    type,
    title: title ?? e.key,
    authors: shown.display,
    ...(shown.etAl ? { etAl: true } : {}),
    ...(venue ? { venue } : {}),
    ...(yearText ? { year: yearText } : {}),
    ...(month ? { month } : {}),
    ...(field("volume") ? { volume: field("volume")! } : {}),
    ...(field("number") ?? field("issue") ? { issue: (field("number") ?? field("issue"))! } : {}),
    ...(field("pages") ? { pages: field("pages")! } : {}),
    ...(publisher && publisher !== venue ? { publisher } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
    ...(note ? { note } : {}),
  };

  const year = yearText && /^\d{1,4}$/.test(yearText) ? Number(yearText) : undefined;
  const csl: CslItem = {
    id: e.key,
    type: CSL_TYPES[type] ?? "article",
    title: entry.title,
    // CSL-JSON has no "and others": a literal name the formatter turns into "et al." (see csl.ts).
    ...(authors.csl.length ? { author: authors.etAl ? [...authors.csl, { literal: ET_AL }] : authors.csl } : {}),
    ...(editors.csl.length ? { editor: editors.csl } : {}),
    ...(journal ?? booktitle ?? (arxiv ? "arXiv" : undefined) ? { "container-title": (journal ?? booktitle ?? "arXiv")! } : {}),
    ...(publisher ?? school ? { publisher: (publisher ?? school)! } : {}),
    ...(year !== undefined ? { issued: { "date-parts": [month ? [year, month] : [year]] } } : yearText ? { issued: { literal: yearText } } : {}),
    ...(entry.volume ? { volume: entry.volume } : {}),
    ...(entry.issue ? { issue: entry.issue } : {}),
    ...(entry.pages ? { page: entry.pages } : {}),
    ...(doi ? { DOI: doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(arxiv && !journal ? { number: `arXiv:${arxiv}` } : {}),
    ...(howpublished && !journal && !booktitle && !links.length ? { genre: howpublished } : {}),
    ...(note ? { note } : {}),
  };
  return { entry, csl };
}

/**
 * Parse a .bib file. Entries that do not parse are left out, each with an
 * error at its `@type{key` line; duplicate keys are compared case-insensitively
 * (BibTeX's rule), the first entry kept. `file` is how messages name the file.
 */
export function parseBibliography(text: string, file: string): ParsedBibliography {
  const problems: BibProblem[] = [];
  const result: ParsedBibliography = { entries: {}, csl: {}, broken: new Set(), problems, source: {} };
  let library;
  try {
    library = parse(protectSource(text), OPTIONS);
  } catch (err) {
    const message = (err as Error).message.split("\n")[0] ?? "";
    const at = /line (\d+)(?:, column (\d+))?/.exec(message);
    problems.push({ file, line: at ? Number(at[1]) : 1, col: at?.[2] ? Number(at[2]) : 1, severity: "error", message: `cannot parse BibTeX: ${message}` });
    return result;
  }

  // Entries and errors come in file order: a cursor finds each one's text.
  const sources = protectSource(text);
  let cursor = 0;
  const locate = (input: string, fallbackLine: number): Located => {
    const i = input ? sources.indexOf(input, cursor) : -1;
    if (i >= 0) cursor = i + 1;
    const at = i >= 0 ? i : lineOffset(sources, fallbackLine);
    // Positions are taken in the protected text: it has the file's lines.
    return { file, text: sources, at };
  };

  const errorsByInput = new Map<string, string[]>();
  for (const e of library.errors) errorsByInput.set(e.input ?? "", [...(errorsByInput.get(e.input ?? "") ?? []), e.error]);
  for (const [input, messages] of errorsByInput) {
    const key = keyOf(input);
    const parserLine = Number(/at line (\d+)/.exec(messages[0] ?? "")?.[1] ?? 1);
    const i = input ? sources.indexOf(input) : -1;
    const { line, col } = i >= 0 ? positionAt(sources, i) : { line: parserLine, col: 1 };
    if (key) result.broken.add(key.toLowerCase());
    problems.push({
      file, line, col, severity: "error", ...(key ? { key: key.toLowerCase() } : {}),
      message: `${key ? `entry \`${key}\`: ` : ""}invalid BibTeX: ${messages[0]!.replace(/ at line \d+, column \d+/, ` at line ${parserLine}`)}`,
      hint: "check the braces and commas of this entry",
    });
  }

  const seen = new Map<string, number>();
  for (const e of library.entries) {
    const key = e.key.toLowerCase();
    const loc = locate(e.input, 1);
    if (result.broken.has(key)) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file, ...positionAt(sources, loc.at), severity: "error", key, message: `duplicate BibTeX key \`${e.key}\` (keys are compared ignoring case; the first is on line ${first})`, hint: "rename one of the entries" });
      continue;
    }
    seen.set(key, positionAt(sources, loc.at).line);
    const { entry, csl } = toEntry(e, loc, problems);
    result.entries[e.key] = entry;
    result.csl[e.key] = csl;
    // The protected text keeps the file's lines: the entry's lines, taken from the file itself.
    if (e.input && sources.startsWith(e.input, loc.at)) result.source![e.key] = sourceLines(text, sources, loc.at, loc.at + e.input.length);
  }
  return result;
}

/** The lines of `original` that hold `protectedText[from, to)` (the two have the same lines). */
function sourceLines(original: string, protectedText: string, from: number, to: number): string {
  const first = protectedText.slice(0, from).split("\n").length - 1;
  const last = protectedText.slice(0, to).split("\n").length - 1;
  return original.split("\n").slice(first, last + 1).join("\n").trim();
}

function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = text.indexOf("\n", at) + 1;
  return Math.max(0, at);
}

/**
 * A .bib file's problems as the build reports them: a problem in an entry no
 * post cites is a warning (the build goes on); in a cited entry, or one not
 * tied to an entry, it stays an error. `cited` holds lowercased keys.
 */
export function bibliographyProblems(problems: readonly BibProblem[], cited: ReadonlySet<string>): ContentError[] {
  return problems.map(({ key, ...p }) => {
    if (p.severity === "error" && key !== undefined && !cited.has(key)) return { ...p, severity: "warning", message: `${p.message} (not cited, so left out)` };
    return p;
  });
}
