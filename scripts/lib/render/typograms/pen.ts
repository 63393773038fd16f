/**
 * What a typogram's drawing rules draw with: a pen placed on one cell, in
 * the cell's own coordinates, that records absolute shapes into a Drawing.
 *
 * Geometry (SVG user units): a cell is WIDTH × HEIGHT, about the shape of a
 * monospace character; lines run through the cell's centre (CX, CY) and end
 * on its edges or corners, so the lines of neighbouring cells meet.
 */

export const WIDTH = 12;
export const HEIGHT = 24;
export const CX = WIDTH / 2;
export const CY = HEIGHT / 2;

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Everything a diagram draws, in absolute coordinates. */
export interface Drawing {
  /** Straight stroked segments (joined into longer lines when written). */
  segments: Segment[];
  /** Stroked path data: curves and rings. */
  curves: string[];
  /** Filled path data: arrow heads, points. */
  fills: string[];
  /** Dashed stroked segments (`:`). */
  dashes: Segment[];
}

/** The eight directions from a cell's centre, and the point on its edge each ends at. */
export const ENDS = {
  top: [CX, 0], right: [WIDTH, CY], bottom: [CX, HEIGHT], left: [0, CY],
  topRight: [WIDTH, 0], bottomRight: [WIDTH, HEIGHT], bottomLeft: [0, HEIGHT], topLeft: [0, 0],
} as const satisfies Record<string, readonly [number, number]>;

export type Direction = keyof typeof ENDS;

export interface Pen {
  /** A straight line from (x1, y1) to (x2, y2). */
  line(x1: number, y1: number, x2: number, y2: number): void;
  /** A line from the centre towards `dir`, to the cell's edge; `from` units away from the centre when given (the ring of `o`). */
  spoke(dir: Direction, from?: number): void;
  /** A quadratic curve from (x1, y1) to (x2, y2) pulled towards (qx, qy). */
  curve(x1: number, y1: number, qx: number, qy: number, x2: number, y2: number): void;
  /** A filled polygon through the points. */
  polygon(points: readonly (readonly [number, number])[]): void;
  /** A circle at the centre: filled (`disc`) or stroked (`ring`). */
  disc(r: number): void;
  ring(r: number): void;
  /** A dashed line. */
  dash(x1: number, y1: number, x2: number, y2: number): void;
  /** How many shapes this pen has drawn. */
  readonly drawn: number;
}

/** Numbers as path data writes them: at most two decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A pen on the cell whose top-left corner is (ox, oy). */
export function penAt(drawing: Drawing, ox: number, oy: number): Pen {
  let drawn = 0;
  const X = (x: number) => num(ox + x);
  const Y = (y: number) => num(oy + y);
  const pen: Pen = {
    line(x1, y1, x2, y2) {
      drawn++;
      drawing.segments.push({ x1: ox + x1, y1: oy + y1, x2: ox + x2, y2: oy + y2 });
    },
    spoke(dir, from = 0) {
      const [ex, ey] = ENDS[dir];
      const length = Math.hypot(ex - CX, ey - CY);
      if (from >= length) return;
      const k = from / length;
      pen.line(CX + (ex - CX) * k, CY + (ey - CY) * k, ex, ey);
    },
    curve(x1, y1, qx, qy, x2, y2) {
      drawn++;
      drawing.curves.push(`M${X(x1)} ${Y(y1)}Q${X(qx)} ${Y(qy)} ${X(x2)} ${Y(y2)}`);
    },
    polygon(points) {
      drawn++;
      drawing.fills.push(`M${points.map(([x, y]) => `${X(x)} ${Y(y)}`).join("L")}Z`);
    },
    disc(r) {
      drawn++;
      drawing.fills.push(circle(ox + CX, oy + CY, r));
    },
    ring(r) {
      drawn++;
      drawing.curves.push(circle(ox + CX, oy + CY, r));
    },
    dash(x1, y1, x2, y2) {
      drawn++;
      drawing.dashes.push({ x1: ox + x1, y1: oy + y1, x2: ox + x2, y2: oy + y2 });
    },
    get drawn() {
      return drawn;
    },
  };
  return pen;
}

/** A circle as path data: two half arcs. */
function circle(cx: number, cy: number, r: number): string {
  return `M${num(cx - r)} ${num(cy)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0Z`;
}
