/**
 * The character grid of a typogram (https://github.com/google/typograms):
 * one cell per character of the fence, rows as written. Which cells are
 * words rather than drawing is decided here, before any shape is drawn, so a
 * cell's neighbours are judged by what they are, not only by their character.
 *
 * Word cells, as typograms reads them:
 * - everything after an odd number of `"` on the row (the quotes are
 *   delimiters and are not shown): `"-->"` is text, not an arrow;
 * - a letter or digit beside another letter or digit (`to`, `v2`): `o` and
 *   `v` alone are a point and an arrow head, inside a word they are letters.
 * Other cells are drawing characters; a drawing character whose rule draws
 * nothing (a `+` with no line to join) is shown as text later (see svg.ts).
 */

/** Box-drawing and arrow characters drawn as their ASCII counterpart. */
const ALIASES: Record<string, string> = {
  "─": "-", "━": "-", "│": "|", "┃": "|",
  "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
  "╭": ".", "╮": ".", "╰": "'", "╯": "'",
  "►": ">", "▶": ">", "◄": "<", "◀": "<", "▲": "^", "▼": "v", "V": "v", "`": "'",
};

export interface Grid {
  /** The characters as written, by row then column (code points; tabs expanded to stops of 8). */
  chars: string[][];
  /** `true` where the cell is part of a word (see the module comment). */
  word: boolean[][];
  /** The longest row, in cells. */
  columns: number;
}

/** Neighbours of a cell, as the drawing rules read them: the shape each stands for, or " " for a blank, a word or off the grid. */
export interface Around {
  top: string; right: string; bottom: string; left: string;
  topRight: string; bottomRight: string; bottomLeft: string; topLeft: string;
}

const ALNUM = /^[\p{L}\p{N}]$/u;

function expandTabs(line: string): string[] {
  const cells: string[] = [];
  for (const ch of line) {
    if (ch === "\t") do cells.push(" "); while (cells.length % 8);
    else cells.push(ch);
  }
  return cells;
}

/** The drawing shape a character stands for (its ASCII form). */
export function shapeOf(ch: string): string {
  return ALIASES[ch] ?? ch;
}

/**
 * The grid of a fence's text: trailing spaces dropped, blank rows before
 * and after the drawing dropped. An empty text gives an empty grid.
 */
export function parseGrid(source: string): Grid {
  const rows = source.replace(/\r\n?/g, "\n").split("\n").map((l) => expandTabs(l.trimEnd()));
  while (rows.length && !rows[0]!.length) rows.shift();
  while (rows.length && !rows.at(-1)!.length) rows.pop();
  const word = rows.map((row) => {
    let quoted = false;
    return row.map((ch, x) => {
      if (ch === '"') {
        quoted = !quoted;
        return false;
      }
      if (quoted) return true;
      if (!ALNUM.test(ch)) return false;
      // Only `o` and `v` (`V`) draw something: alone they are a point and an arrow head.
      return !"ovV".includes(ch) || [row[x - 1], row[x + 1]].some((n) => n !== undefined && ALNUM.test(n));
    });
  });
  return { chars: rows, word, columns: Math.max(0, ...rows.map((r) => r.length)) };
}

/** The shape at (x, y), or " " for a blank, a word cell, a quote or a cell off the grid. */
export function shapeAt(grid: Grid, x: number, y: number): string {
  const ch = grid.chars[y]?.[x];
  if (ch === undefined || grid.word[y]![x] || ch === '"') return " ";
  return shapeOf(ch);
}

/** The eight neighbours of the cell at (x, y). */
export function around(grid: Grid, x: number, y: number): Around {
  const at = (dx: number, dy: number) => shapeAt(grid, x + dx, y + dy);
  return {
    top: at(0, -1), right: at(1, 0), bottom: at(0, 1), left: at(-1, 0),
    topRight: at(1, -1), bottomRight: at(1, 1), bottomLeft: at(-1, 1), topLeft: at(-1, -1),
  };
}
