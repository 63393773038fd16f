/**
 * Build-time rows for bootstrap-table's `data-url` tables (see
 * src/markdown/extensions/data-tables.ts): the JSON file under assets/ (an
 * array of row objects, or bootstrap-table's `{rows: […]}`), each value an
 * escaped text cell. Anything else leaves the table to the browser.
 */
import { escapeHtml } from "../../../src/escape/index.ts";

export type ReadAsset = (path: string) => string | undefined;

export function dataTableRenderer(readAsset: ReadAsset): (url: string, fields: readonly string[]) => string | undefined {
  return (url, fields) => {
    const m = /^\/?(assets\/[^?#]+\.json)(?:[?#].*)?$/i.exec(url.trim());
    const text = m ? readAsset(m[1]!) : undefined;
    if (text === undefined) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    const rows = Array.isArray(data) ? data : (data as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) return undefined;
    const cell = (row: unknown, field: string): string => {
      const v = row && typeof row === "object" && field ? (row as Record<string, unknown>)[field] : undefined;
      return v === undefined || v === null ? "" : escapeHtml(typeof v === "object" ? JSON.stringify(v) : String(v));
    };
    return `<tbody>${rows.map((row) => `<tr>${fields.map((f) => `<td>${cell(row, f)}</td>`).join("")}</tr>`).join("")}</tbody>`;
  };
}
