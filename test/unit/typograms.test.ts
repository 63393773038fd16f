/**
 * The typogram renderer (scripts/lib/render/typograms/), one drawing rule at a
 * time: what a character draws given its neighbours, in cell coordinates
 * (12 × 24 units; centre 6, 12). Whole pictures are in the fixtures
 * (test/fixtures/markdown/typograms/).
 */
import { describe, expect, it } from "vitest";
import { parseGrid } from "../../scripts/lib/render/typograms/grid.ts";
import { drawGrid, joinSegments } from "../../scripts/lib/render/typograms/svg.ts";
import { typogramSvg } from "../../scripts/lib/render/typograms.ts";
import { feedRenderOptions, pageRenderers } from "../../scripts/lib/render/renderers.ts";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import type { Fragments } from "../../src/markdown/fragments.ts";

/** What a diagram draws: segments as "x1,y1-x2,y2" (before joining), curves and fills as path data, and its runs of text. */
function draw(source: string) {
  const { drawing, runs } = drawGrid(parseGrid(source));
  return {
    segments: drawing.segments.map((s) => `${s.x1},${s.y1}-${s.x2},${s.y2}`),
    curves: drawing.curves,
    fills: drawing.fills,
    dashes: drawing.dashes.map((s) => `${s.x1},${s.y1}-${s.x2},${s.y2}`),
    text: runs.map((r) => `${r.row}:${r.column}:${r.text}`),
  };
}

describe("the grid", () => {
  it("keeps rows as written, without blank rows around the drawing or trailing blanks; a tab goes to the next stop of 8", () => {
    const grid = parseGrid("\n\n  ab  \n\tc\n\n");
    expect(grid.chars.map((r) => r.join(""))).toEqual(["  ab", "        c"]);
    expect(grid.columns).toBe(9);
  });

  it("reads what follows a quote as text (the quotes are not shown), and `o` and `v` inside words as letters", () => {
    expect(draw('"-->" to v o').text).toEqual(["0:1:-->", "0:6:to v"]);
    // Alone, `o` is a point; `v` with nothing above it is the letter.
    expect(draw("o").fills.length + draw("o").curves.length).toBe(1);
  });
});

describe("lines", () => {
  it("`-` crosses its cell at mid-height, and reaches up or down to a `|`", () => {
    expect(draw("-").segments).toEqual(["0,12-12,12"]);
    expect(draw(" |\n -\n |").segments).toEqual(["18,0-18,24", "12,36-24,36", "18,36-18,24", "18,36-18,48", "18,48-18,72"]);
  });

  it("`|` runs top to bottom, and reaches a `-` beside it", () => {
    expect(draw("|").segments).toEqual(["6,0-6,24"]);
    expect(draw("|-").segments).toEqual(["6,0-6,24", "6,12-12,12", "12,12-24,12"]);
  });

  it("`_` lies on the cell's bottom edge, and a `|` beside it meets it there", () => {
    expect(draw("_").segments).toEqual(["0,24-12,24"]);
    expect(draw("|_").segments).toEqual(["6,0-6,24", "6,24-12,24", "12,24-24,24"]);
    expect(draw(" _\n|").segments).toContain("6,24-12,24");
  });

  it("`/` and `\\` go corner to corner, so `/\\` meets at a point and slopes continue across rows", () => {
    expect(draw("/\\").segments).toEqual(["12,0-0,24", "12,0-24,24"]);
    expect(draw(" /\n/").segments).toEqual(["24,0-12,24", "12,24-0,48"]);
  });

  it("`=` is a double line, `~` a short one, `:` a dashed vertical", () => {
    expect(draw("=").segments).toEqual(["0,9-12,9", "0,15-12,15"]);
    expect(draw("~").segments).toEqual(["2,12-10,12"]);
    expect(draw(":").dashes).toEqual(["6,0-6,24"]);
  });

  it("touching pieces of one straight line become one segment; other lines stay", () => {
    const joined = joinSegments([{ x1: 0, y1: 12, x2: 12, y2: 12 }, { x1: 24, y1: 12, x2: 12, y2: 12 }, { x1: 30, y1: 12, x2: 36, y2: 12 }, { x1: 6, y1: 0, x2: 6, y2: 24 }, { x1: 6, y1: 24, x2: 6, y2: 48 }, { x1: 0, y1: 0, x2: 12, y2: 24 }]);
    expect(joined).toEqual([{ x1: 0, y1: 12, x2: 24, y2: 12 }, { x1: 30, y1: 12, x2: 36, y2: 12 }, { x1: 6, y1: 0, x2: 6, y2: 48 }, { x1: 0, y1: 0, x2: 12, y2: 24 }]);
  });
});

describe("joints and corners", () => {
  it("`+` draws a spoke to each neighbour that is a line towards it, and is text when it joins nothing", () => {
    expect(draw("+-\n|").segments.slice(0, 2)).toEqual(["6,12-6,24", "6,12-12,12"]);
    expect(draw(" | \n-+-\n | ").segments.filter((s) => s.startsWith("18,36"))).toEqual(["18,36-18,24", "18,36-18,48", "18,36-24,36", "18,36-12,36"]);
    expect(draw("a + b").text).toEqual(["0:0:a + b"]);
  });

  it("`.` and `'` round a corner: a curve from the side that has a line to the end that has one", () => {
    expect(draw(".-\n|").curves).toEqual(["M12 12Q6 12 6 24"]);
    expect(draw("|\n'-").curves).toEqual(["M12 36Q6 36 6 24"]);
    expect(draw("-.\n |").curves).toEqual(["M12 12Q18 12 18 24"]);
  });

  it("a `.` or `'` that joins no line is text (a full stop, an apostrophe)", () => {
    expect(draw("end. don't").text).toEqual(["0:0:end. don't"]);
    expect(draw("end.").curves).toEqual([]);
  });

  it("a corner beside a slant joins it with straight spokes", () => {
    expect(draw(" /\n.-").segments).toContain("6,36-12,24");
  });
});

describe("arrow heads and points", () => {
  it("`>` and `<` point along the line; against a bar they reach it", () => {
    expect(draw(">").fills).toEqual(["M0 18L12 12L0 6Z"]);
    expect(draw("<").fills).toEqual(["M12 6L0 12L12 18Z"]);
    expect(draw("->|").fills).toEqual(["M17 18L29 12L17 6Z"]);
    expect(draw("->|").segments).toContain("12,12-17,12");
    // Against a point, the tip stops at its edge (the ring's centre is at x = 30, radius 6).
    expect(draw("->o").fills).toEqual(["M11 18L23 12L11 6Z"]);
  });

  it("`^` and `v` end a vertical line, or stand on a horizontal one; a `v` with no line is the letter", () => {
    expect(draw("^\n|").fills).toEqual(["M12 12L6 0L0 12Z"]);
    expect(draw("|\nv").fills).toEqual(["M0 36L6 48L12 36Z"]);
    expect(draw("|\nv").segments).toContain("6,24-6,36");
    // Under a line, the tip reaches it (the line is at y = 12).
    expect(draw("-\n^").fills).toEqual(["M12 25L6 13L0 25Z"]);
    expect(draw("v").fills).toEqual([]);
    expect(draw("v").text).toEqual(["0:0:v"]);
  });

  it("at the end of a slant, `^` and `v` continue it to the cell's centre", () => {
    // `/` below-left of `^`: the head points up and right, its tip at the centre of `^` (18, 12).
    expect(draw(" ^\n/").fills).toEqual(["M18 25.42L18 12L7.27 20.05Z"]);
    // `/` above-right of `v`: down and left, tip at (6, 36).
    expect(draw(" /\nv").fills).toEqual(["M6 22.58L6 36L16.73 27.95Z"]);
    // With a line ahead, the slant goes on until the tip touches it (the line is at y = 60).
    const ahead = draw("\\\n v\n -");
    expect(ahead.fills).toEqual(["M18.77 50.95L29.5 59L29.5 45.58Z"]);
    expect(ahead.segments.filter((s) => s.startsWith("12,24-"))).toHaveLength(1);
  });

  it("`*` is a filled point, `#` a filled square, `o` a ring whose lines start outside it", () => {
    expect(draw("*-").fills[0]).toMatch(/^M-1 12a7 7 0 1 0 14 0/);
    expect(draw("*-").segments[0]).toBe("6,12-12,12");
    expect(draw("#").fills).toEqual(["M0 6L12 6L12 18L0 18Z"]);
    expect(draw("o").curves[0]).toMatch(/^M0 12a6 6 0 1 0 12 0/);
    // The ring reaches the cell's edge: the line from `-` starts there, none is drawn inside the ring.
    expect(draw("o-").segments).toEqual(["12,12-24,12"]);
    expect(draw("o\n|").segments).toEqual(["6,18-6,24", "6,24-6,48"]);
  });
});

describe("the picture", () => {
  it("is an image named by its text, in currentColor, sized to its grid, with words as escaped text stretched to their cells", () => {
    const svg = typogramSvg('+-----+\n|"<b>"| & me\n+-----+');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 144 72" width="108" height="54" role="img" aria-label="\+-----\+\n\|&quot;&lt;b&gt;&quot;\| &amp; me\n\+-----\+">/);
    expect(svg).toContain('stroke="currentColor"');
    expect(svg).toContain('<path d="M6 12H78M6 60H78M6 12V60M78 12V60" ');
    expect(svg).toContain('<text x="24" y="43" textLength="36">&lt;b&gt;</text><text x="96" y="43" textLength="48">&amp; me</text>');
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("fill=\"black\"");
  });

  it("is drawn only for posts with `typograms: true` (as al-folio, where the key loads the script)", () => {
    expect(pageRenderers(undefined, { typograms: true }).typograms).toBeTypeOf("function");
    expect(pageRenderers(undefined, {}).typograms).toBeUndefined();
    expect(pageRenderers(undefined, { typograms: "yes" }).typograms).toBeUndefined();
  });

  it("is stored as a fragment the worker reads back; without it (a feed, a post without the key) the fence is its text", () => {
    const body = "```typograms\n+-+\n| |\n+-+\n```\n";
    const fragments: Fragments = {};
    const built = renderMarkdown(body, { fragments, renderers: pageRenderers() }).html;
    expect(built).toMatch(/^<figure class="typogram"><svg [^>]*role="img"/);
    expect(Object.keys(fragments)).toEqual([expect.stringMatching(/^typograms:[0-9a-f]{16}$/)]);
    expect(renderMarkdown(body, { fragments }).html).toBe(built);
    const source = '<pre><code class="language-typograms">+-+\n| |\n+-+</code></pre>\n';
    expect(renderMarkdown(body, { fragments: {} }).html).toBe(source);
    expect(renderMarkdown(body, feedRenderOptions({ fragments })).html).toBe(source);
  });
});
