/**
 * al-folio's bootstrap-table markup loads a table's rows from JSON in the
 * browser (`<table data-toggle="table" data-url="/assets/json/x.json">` with
 * only a `<thead>`). So the table reads without script too, the build
 * writes the rows in: a pass over the HTML tokens records each such table's
 * `<tbody>` as a fragment `table:…` (keyed by the URL and the columns), which
 * the worker reads back. The author's markup is kept; the rows follow `</thead>`.
 */
import type { Marked, Token, Tokens } from "marked";
import { fragment, type Fragments } from "../fragments.ts";
import { textHash, type FragmentRenderers } from "../renderers.ts";
import { parseAttributes } from "./html-headings.ts";

const TABLE = /<table\b([^>]*)>([\s\S]*?)<\/table\s*>/gi;
const HEADER_CELL = /<th\b([^>]*)>/gi;

/** Fill every `data-url` table without a body in the document's HTML tokens. */
export function fillDataTables(markdown: Marked, tokens: Token[], fragments: Fragments, renderers: FragmentRenderers = {}): void {
  void markdown.walkTokens(tokens, (token) => {
    if (token.type !== "html" || !/data-url/i.test((token as Tokens.HTML).text)) return;
    const t = token as Tokens.HTML;
    t.text = t.text.replace(TABLE, (whole, attrText: string, inner: string) => {
      const url = parseAttributes(attrText)["data-url"];
      if (!url || /<tbody\b/i.test(inner) || !/<\/thead\s*>/i.test(inner)) return whole;
      const fields = [...inner.matchAll(HEADER_CELL)].map((m) => parseAttributes(m[1] ?? "")["data-field"] ?? "");
      const key = `table:${textHash(`${url}\n${fields.join("\n")}`)}`;
      const rows = fragment(fragments, key, renderers.tableRows ? () => renderers.tableRows!(url, fields) ?? "" : undefined, () => "");
      return rows ? whole.replace(/<\/thead\s*>/i, (end) => end + rows) : whole;
    });
  });
}
