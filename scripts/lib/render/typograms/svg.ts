/**
 * A typogram's grid written as one `<svg>`: the lines as one stroked path
 * (touching horizontal and vertical pieces joined), curves and rings as
 * another, heads and points filled, dashes dashed, and the words as `<text>`
 * in a monospace font, each run stretched to its cells (`textLength`) so
 * words stay on the grid whatever font the reader has.
 *
 * Colours are `currentColor`: the diagram takes the text colour of the page,
 * light or dark. Everything from the fence is escaped (src/escape/).
 */
import { escapeAttr, escapeXml } from "../../../../src/escape/index.ts";
import { around, shapeOf, type Grid } from "./grid.ts";
import { RULES } from "./glyphs.ts";
import { CY, HEIGHT, WIDTH, num, penAt, type Drawing, type Segment } from "./pen.ts";

/** Shown size of a cell, in CSS pixels per user unit (a 12-unit cell is 9 px wide, text 15 px). */
const SCALE = 0.75;
const FONT_SIZE = 20;
/** From the middle of the cell to the baseline of its text (about a third of the font size). */
const BASELINE = 7;
const FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, Liberation Mono, monospace";

/** A run of text on one row: its first column and its characters. */
interface Run {
  row: number;
  column: number;
  text: string;
}

/**
 * Draw every drawing cell of the grid; the cells that draw nothing and the
 * word cells come back as runs of text (a single blank between two words
 * stays in the run, so a phrase is one element).
 */
export function drawGrid(grid: Grid): { drawing: Drawing; runs: Run[] } {
  const drawing: Drawing = { segments: [], curves: [], fills: [], dashes: [] };
  const runs: Run[] = [];
  grid.chars.forEach((row, y) => {
    let run: Run | undefined;
    let blank = 0;
    row.forEach((ch, x) => {
      let text = ch !== " " && ch !== '"';
      if (text && !grid.word[y]![x]) {
        const rule = RULES[shapeOf(ch)];
        if (rule) {
          const pen = penAt(drawing, x * WIDTH, y * HEIGHT);
          rule(around(grid, x, y), pen);
          text = pen.drawn === 0;
        }
      }
      if (!text) {
        blank = ch === " " ? blank + 1 : 2;
        if (blank > 1) run = undefined;
        return;
      }
      if (run && blank === 1) run.text += " ";
      else if (!run) runs.push((run = { row: y, column: x, text: "" }));
      run.text += ch;
      blank = 0;
    });
  });
  return { drawing, runs };
}

/** Join touching pieces of the same horizontal or vertical line, so a long line is one subpath. */
export function joinSegments(segments: readonly Segment[]): Segment[] {
  const flat = (s: Segment) => ({ x1: Math.min(s.x1, s.x2), y1: Math.min(s.y1, s.y2), x2: Math.max(s.x1, s.x2), y2: Math.max(s.y1, s.y2) });
  const horizontal = segments.filter((s) => s.y1 === s.y2).map(flat).sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1);
  const vertical = segments.filter((s) => s.x1 === s.x2 && s.y1 !== s.y2).map(flat).sort((a, b) => a.x1 - b.x1 || a.y1 - b.y1);
  const joined: Segment[] = [];
  for (const s of horizontal) {
    const last = joined.at(-1);
    if (last && last.y1 === last.y2 && last.y1 === s.y1 && s.x1 <= last.x2) last.x2 = Math.max(last.x2, s.x2);
    else joined.push({ ...s });
  }
  const start = joined.length;
  for (const s of vertical) {
    const last = joined.length > start ? joined.at(-1) : undefined;
    if (last && last.x1 === s.x1 && s.y1 <= last.y2) last.y2 = Math.max(last.y2, s.y2);
    else joined.push({ ...s });
  }
  return joined.concat(segments.filter((s) => s.x1 !== s.x2 && s.y1 !== s.y2));
}

function segmentPath(s: Segment): string {
  if (s.y1 === s.y2) return `M${num(s.x1)} ${num(s.y1)}H${num(s.x2)}`;
  if (s.x1 === s.x2) return `M${num(s.x1)} ${num(s.y1)}V${num(s.y2)}`;
  return `M${num(s.x1)} ${num(s.y1)}L${num(s.x2)} ${num(s.y2)}`;
}

/**
 * The `<svg>` of a grid. `label` is its accessible name (the fence's text):
 * the picture is one image to assistive technology (`role="img"`).
 */
export function gridSvg(grid: Grid, label: string): string {
  const { drawing, runs } = drawGrid(grid);
  const width = grid.columns * WIDTH;
  const height = grid.chars.length * HEIGHT;
  const stroke = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
  const parts: string[] = [];
  const lines = joinSegments(drawing.segments).map(segmentPath).join("") + drawing.curves.join("");
  if (lines) parts.push(`<path d="${lines}" ${stroke}/>`);
  if (drawing.dashes.length) parts.push(`<path d="${drawing.dashes.map(segmentPath).join("")}" ${stroke} stroke-dasharray="4 4"/>`);
  if (drawing.fills.length) parts.push(`<path d="${drawing.fills.join("")}" fill="currentColor"/>`);
  if (runs.length) {
    const texts = runs.map((r) => {
      const cells = [...r.text].length;
      const fit = cells > 1 ? ` textLength="${cells * WIDTH}"` : "";
      return `<text x="${r.column * WIDTH}" y="${r.row * HEIGHT + CY + BASELINE}"${fit}>${escapeXml(r.text)}</text>`;
    });
    parts.push(`<g fill="currentColor" font-family="${FONT}" font-size="${FONT_SIZE}">${texts.join("")}</g>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${num(width * SCALE)}" height="${num(height * SCALE)}"` +
    ` role="img" aria-label="${escapeAttr(label)}">${parts.join("")}</svg>`
  );
}
