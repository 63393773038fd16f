/**
 * `<d-cite key="a,b"></d-cite>` → `[n]` links to the References entries,
 * numbered by first citation (distill's rule), each with a hover card that
 * CSS shows on :hover and :focus-within (no script, keyboard reachable).
 * Numbers are given by `numberCitations`, a pass over the lexed tokens, so
 * per-document state stays in the tokens.
 */
import type { Marked, MarkedExtension, Token, Tokens } from "marked";
import { html } from "../../escape/html.ts";
import type { Bibliography, BibEntry } from "../../bibliography/types.ts";
import { cardBody } from "../../bibliography/format.ts";
import { referenceId } from "./ids.ts";

export interface CiteToken extends Tokens.Generic {
  type: "dCite";
  raw: string;
  keys: string[];
  /** Set by numberCitations. */
  refs?: { key: string; n: number; entry?: BibEntry }[];
  /** Which citation of the document this is (1-based), for unique card ids. */
  occurrence?: number;
  /** Set when the token is rendered a second time (a footnote's copy in the appendix), so its ids stay unique. */
  idSuffix?: string;
  /** No hover card (feeds: a reader without our CSS would show its text inline). */
  plain?: boolean;
}

const CITE = /^<d-cite\s+key\s*=\s*(?:"([^"]*)"|'([^']*)')\s*(?:\/>|>\s*<\/d-cite>)/;

export const cite: MarkedExtension = {
  extensions: [
    {
      name: "dCite",
      level: "inline",
      start: (src) => src.match(/<d-cite\b/)?.index,
      tokenizer(src) {
        const m = CITE.exec(src);
        if (!m) return undefined;
        const keys = (m[1] ?? m[2] ?? "").split(",").map((k) => k.trim()).filter(Boolean);
        return { type: "dCite", raw: m[0], keys } satisfies CiteToken;
      },
      renderer(token) {
        const t = token as CiteToken;
        const refs = t.refs ?? [];
        const missing = refs.filter((r) => !r.entry);
        if (!refs.length || missing.length) return html`<span class="citation citation-missing" title="${`unknown citation key: ${t.keys.join(", ")}`}">[?]</span>`.toString();
        const card = `cite-card-${t.occurrence ?? 0}${t.idSuffix ?? ""}`;
        const describedBy = t.plain ? "" : html` aria-describedby="${card}"`;
        const link = (r: { key: string; n: number }, text: string | number) => html`<a class="cite-link" href="#${referenceId(r.key)}"${describedBy}>${text}</a>`;
        const links = refs.length === 1 ? link(refs[0]!, `[${refs[0]!.n}]`) : html`[${refs.map((r, i) => html`${i ? ", " : ""}${link(r, r.n)}`)}]`;
        if (t.plain) return html`<span class="citation">${links}</span>`.toString();
        return html`<span class="citation">${links}<span class="hover-card" id="${card}">${refs.map((r) => html`<span class="card-entry">${cardBody(r.entry!)}</span>`)}</span></span>`.toString();
      },
    },
  ],
};

export interface Citations {
  /** Cited keys in number order (number = index + 1). */
  order: string[];
  /** Keys cited but absent from the bibliography. */
  unknown: string[];
}

/** Mark the citations inside `tokens` as rendered again elsewhere: their card ids get `suffix`. */
export function markCitationCopies(markdown: Marked, tokens: Token[], suffix: string): void {
  void markdown.walkTokens(tokens, (token) => {
    if (token.type === "dCite") (token as CiteToken).idSuffix = suffix;
  });
}

/** Number every citation in document order and attach its entries. */
export function numberCitations(markdown: Marked, tokens: Token[], bibliography: Bibliography): Citations {
  const numbers = new Map<string, number>();
  const unknown = new Set<string>();
  let occurrence = 0;
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "dCite") return;
    const t = token as CiteToken;
    t.occurrence = ++occurrence;
    t.refs = t.keys.map((key) => {
      if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
      const entry = Object.hasOwn(bibliography, key) ? bibliography[key] : undefined;
      if (!entry) unknown.add(key);
      return { key, n: numbers.get(key)!, ...(entry ? { entry } : {}) };
    });
  });
  return { order: [...numbers.keys()], unknown: [...unknown] };
}

/**
 * Give each citation of `tokens` the entry `entries` has for its key, or none
 * (shown as unknown), keeping its number: the citations as `numberCitations`
 * with `entries` as the bibliography attaches them, since numbers depend only
 * on the keys' order.
 */
export function attachEntries(markdown: Marked, tokens: Token[], entries: Bibliography): void {
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "dCite") return;
    const t = token as CiteToken;
    t.refs = t.refs?.map(({ key, n }) => {
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      return { key, n, ...(entry ? { entry } : {}) };
    });
  });
}
