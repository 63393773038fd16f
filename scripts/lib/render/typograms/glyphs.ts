/**
 * The drawing rule of each typogram character: given its eight neighbours
 * (grid.ts: the shape each stands for, " " for blanks and words), what the
 * cell draws. The rules follow typograms' grammar (lines `- | / \ _ = ~ :`,
 * joints and corners `+ . '`, arrow heads `> < ^ v`, points `* o #`);
 * the geometry is ours (pen.ts). A rule that draws nothing leaves the
 * character to be shown as text (a `+` joining no line, a full stop).
 */
import { CX, CY, HEIGHT, WIDTH, type Direction, type Pen } from "./pen.ts";
import type { Around } from "./grid.ts";

export type Rule = (n: Around, pen: Pen) => void;

/** Arrow heads: length along the line and half their width. */
const HEAD = 12;
const HALF = 6;
/** Points are larger than the line is wide, as typograms draws them: radius of `*`, of `o`'s ring, half the side of `#`. */
const DISC = 7;
const RING = 6;
const SQUARE = 6;
/** Points an arrow head stops at, a radius short of their centre. */
const POINTS = "*o#";

/**
 * A filled arrow head with its tip at (x, y), pointing along (dx, dy):
 * its base is HEAD units back, HALF units either side.
 */
function head(pen: Pen, x: number, y: number, dx: number, dy: number): void {
  const k = 1 / Math.hypot(dx, dy);
  const [ux, uy] = [dx * k, dy * k];
  const [bx, by] = [x - ux * HEAD, y - uy * HEAD];
  pen.polygon([[bx - uy * HALF, by + ux * HALF], [x, y], [bx + uy * HALF, by - ux * HALF]]);
}

/** Draw a spoke towards each direction whose neighbour is one of the given shapes. */
function spokes(n: Around, pen: Pen, joins: Partial<Record<Direction, string>>, from = 0): void {
  for (const [dir, shapes] of Object.entries(joins) as [Direction, string][]) {
    if (shapes.includes(n[dir])) pen.spoke(dir, from);
  }
}

/** What a point (`*`, `o`, `#`) joins: lines pointing at it. */
const POINT_JOINS = { top: "|+:", bottom: "|+:", right: "-+=", left: "-+=", topRight: "/", bottomRight: "\\", bottomLeft: "/", topLeft: "\\" };

/** Shapes that carry a vertical line into `.` and `'` from above and from below. */
const UP = "|+.:";
const DOWN = "|+':";
/** Shapes that carry a horizontal line into a corner. */
const SIDE = "-+";

/**
 * `.` and `'` (and `` ` ``): rounded corners. Each horizontal neighbour that
 * is a line, paired with each vertical neighbour that is a line, gives a
 * quarter curve between their two edges; a diagonal neighbour (`/`, `\`)
 * gives a straight joint.
 */
const corner: Rule = (n, pen) => {
  const sides = (["left", "right"] as const).filter((d) => SIDE.includes(n[d]));
  const ends = [...(UP.includes(n.top) ? (["top"] as const) : []), ...(DOWN.includes(n.bottom) ? (["bottom"] as const) : [])];
  for (const side of sides) {
    for (const end of ends) pen.curve(side === "left" ? 0 : WIDTH, CY, CX, CY, CX, end === "top" ? 0 : HEIGHT);
  }
  const slants: Record<string, string> = { topRight: "/", bottomLeft: "/", topLeft: "\\", bottomRight: "\\" };
  const diagonals = (["topRight", "bottomLeft", "topLeft", "bottomRight"] as const).filter((d) => n[d] === slants[d]);
  if (!diagonals.length) return;
  for (const d of diagonals) pen.spoke(d);
  for (const side of sides) pen.spoke(side);
};

/** The slant from the corner (x0, y0) on to the base of a head whose tip is at (x, y), when the head stands off the corner. */
function slantTo(pen: Pen, x0: number, y0: number, x: number, y: number): void {
  const length = Math.hypot(x - x0, y - y0);
  if (length <= HEAD + 2) return;
  const k = (length - HEAD) / length;
  pen.line(x0, y0, x0 + (x - x0) * k, y0 + (y - y0) * k);
}

export const RULES: Record<string, Rule> = {
  "-": (n, pen) => {
    pen.line(0, CY, WIDTH, CY);
    spokes(n, pen, { top: "|", bottom: "|" });
  },
  "_": (_n, pen) => pen.line(0, HEIGHT, WIDTH, HEIGHT),
  "=": (_n, pen) => {
    pen.line(0, CY - 3, WIDTH, CY - 3);
    pen.line(0, CY + 3, WIDTH, CY + 3);
  },
  "~": (_n, pen) => pen.line(2, CY, WIDTH - 2, CY),
  ":": (_n, pen) => pen.dash(CX, 0, CX, HEIGHT),
  "|": (n, pen) => {
    pen.line(CX, 0, CX, HEIGHT);
    spokes(n, pen, { right: "-", left: "-", topRight: "/", bottomRight: "\\", bottomLeft: "/", topLeft: "\\" });
    // An underscore beside a bar is drawn on the cell's bottom edge: meet it there (and the one above, on the top edge).
    if (n.right === "_") pen.line(CX, HEIGHT, WIDTH, HEIGHT);
    if (n.left === "_") pen.line(0, HEIGHT, CX, HEIGHT);
    if (n.topRight === "_") pen.line(CX, 0, WIDTH, 0);
    if (n.topLeft === "_") pen.line(0, 0, CX, 0);
  },
  "/": (n, pen) => {
    pen.line(WIDTH, 0, 0, HEIGHT);
    spokes(n, pen, { top: "|", bottom: "|" });
    if (n.right === "_") pen.line(0, HEIGHT, WIDTH, HEIGHT);
  },
  "\\": (n, pen) => {
    pen.line(0, 0, WIDTH, HEIGHT);
    spokes(n, pen, { top: "|", bottom: "|" });
    if (n.left === "_") pen.line(0, HEIGHT, WIDTH, HEIGHT);
  },
  "+": (n, pen) => spokes(n, pen, {
    top: "|+*#.':^", bottom: "|+*#':v", right: "-+*#=~>.'", left: "-+*#=~<.'",
    topRight: "/*#", bottomRight: "\\*#", bottomLeft: "/*#", topLeft: "\\*#",
  }),
  ".": corner,
  "'": corner,
  "*": (n, pen) => {
    pen.disc(DISC);
    spokes(n, pen, POINT_JOINS);
  },
  "o": (n, pen) => {
    pen.ring(RING);
    spokes(n, pen, POINT_JOINS, RING);
  },
  "#": (n, pen) => {
    pen.polygon([[CX - SQUARE, CY - SQUARE], [CX + SQUARE, CY - SQUARE], [CX + SQUARE, CY + SQUARE], [CX - SQUARE, CY + SQUARE]]);
    spokes(n, pen, POINT_JOINS);
  },
  // Arrow heads end on the next cell's line when there is one (`-->|`) or at the next cell's point (`-->o`), else on the cell's edge.
  ">": (n, pen) => {
    const tip = "|+".includes(n.right) ? WIDTH + CX - 1 : POINTS.includes(n.right) ? WIDTH + CX - DISC : WIDTH;
    head(pen, tip, CY, 1, 0);
    if (tip - HEAD > 0 && "-+=".includes(n.left)) pen.line(0, CY, tip - HEAD, CY);
  },
  "<": (n, pen) => {
    const tip = "|+".includes(n.left) ? 1 - CX : POINTS.includes(n.left) ? DISC - CX : 0;
    head(pen, tip, CY, -1, 0);
    if (tip + HEAD < WIDTH && "-+=".includes(n.right)) pen.line(tip + HEAD, CY, WIDTH, CY);
  },
  // `^` and `v` are arrow heads only at the end of a line, straight or slanted, or against a horizontal one
  // (`v` is a letter too). At the end of a slant (`/` below `^`'s left, …) the head continues the slant,
  // to the cell's centre, or on to the line it points at.
  "^": (n, pen) => {
    const slant = "|+:".includes(n.bottom) ? 0 : n.bottomLeft === "/" ? CX : n.bottomRight === "\\" ? -CX : 0;
    const against = "-+=".includes(n.top) ? 1 - CY : n.top === "_" ? 0 : POINTS.includes(n.top) ? DISC - CY : undefined;
    if (!slant && against === undefined && !"|+:".includes(n.bottom)) return;
    const y = against ?? (slant ? CY : 0);
    const x = CX + (slant * (CY - y)) / CY;
    head(pen, x, y, slant, -CY);
    if (slant) slantTo(pen, slant > 0 ? 0 : WIDTH, HEIGHT, x, y);
    else if ("|+:".includes(n.bottom)) pen.line(CX, y + HEAD, CX, HEIGHT);
  },
  "v": (n, pen) => {
    const slant = "|+:".includes(n.top) ? 0 : n.topLeft === "\\" ? CX : n.topRight === "/" ? -CX : 0;
    const against = "-+=".includes(n.bottom) ? HEIGHT + CY - 1 : n.bottom === "_" ? 2 * HEIGHT - 1 : POINTS.includes(n.bottom) ? HEIGHT + CY - DISC : undefined;
    if (!slant && against === undefined && !"|+:".includes(n.top)) return;
    const y = against ?? (slant ? CY : HEIGHT);
    const x = CX + (slant * (y - CY)) / CY;
    head(pen, x, y, slant, CY);
    if (slant) slantTo(pen, slant > 0 ? 0 : WIDTH, 0, x, y);
    else if ("|+:".includes(n.top)) pen.line(CX, 0, CX, y - HEAD);
  },
};
