/** The engine stylesheet carries what distill posts need to look right without script. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../../src/styles/edgefolio.css", import.meta.url), "utf8");

/** The text of every block opened by `opener`, braces matched. */
function darkBlocks(opener: string): string[] {
  const blocks: string[] = [];
  for (let at = css.indexOf(opener); at >= 0; at = css.indexOf(opener, at + 1)) {
    let depth = 0;
    let end = at + opener.length - 1;
    for (; end < css.length; end++) {
      if (css[end] === "{") depth++;
      else if (css[end] === "}" && --depth === 0) break;
    }
    blocks.push(css.slice(at, end + 1));
  }
  return blocks;
}

describe("edgefolio.css", () => {
  it("shows citation and footnote cards on hover and on keyboard focus, hidden otherwise", () => {
    expect(css).toMatch(/\.hover-card \{ display: none;/);
    for (const sel of [".citation:hover > .hover-card", ".citation:focus-within > .hover-card", ".footnote:hover > .hover-card", ".footnote:focus-within > .hover-card"]) {
      expect(css).toContain(sel);
    }
  });

  it("styles the al-folio / Bootstrap classes posts use", () => {
    for (const cls of ["row", "col-sm", "mt-3", "mt-md-0", "img-fluid", "rounded", "z-depth-1", "caption", "l-body", "l-page", "l-body-outset", "l-page-outset", "l-screen", "l-screen-inset", "l-gutter"]) {
      expect(css, cls).toMatch(new RegExp(`\\.${cls}[\\s,{.:]`));
    }
  });

  it("styles al-folio's custom blockquotes, in light and in dark", () => {
    // Both ways to be dark: the toggle's `:root[data-theme="dark"]` and the system's scheme (unless toggled light).
    for (const kind of ["tip", "warning", "danger"]) {
      expect(css, kind).toContain(`blockquote.block-${kind} { border-left-color: var(--${kind}-line); background: var(--${kind}-bg); color: var(--${kind}-text); }`);
      // The light value is declared first (on :root), the dark ones override it.
      const lightBg = new RegExp(`--${kind}-bg: (#[0-9a-f]{6})`).exec(css)?.[1];
      for (const opener of [':root[data-theme="dark"] {', "@media (prefers-color-scheme: dark) {"]) {
        const block = darkBlocks(opener).find((b) => b.includes(`--${kind}-bg`));
        expect(block, `${opener} ${kind}`).toBeDefined();
        const darkBg = new RegExp(`--${kind}-bg: (#[0-9a-f]{6})`).exec(block!)?.[1];
        expect(darkBg, `${opener} ${kind}`).toBeDefined();
        expect(darkBg, `${opener} ${kind} differs from light`).not.toBe(lightBg);
      }
    }
  });

  it("shows every picture of al-folio's image components before (or without) their scripts", () => {
    // Not yet defined custom elements are plain boxes: slides in a grid, the two compared figures side by side.
    expect(css).toMatch(/swiper-container:not\(:defined\) \{ display: grid;/);
    expect(css).toMatch(/img-comparison-slider:not\(:defined\) \{ display: grid; grid-template-columns: 1fr 1fr;/);
    expect(css).not.toMatch(/\[slot=.second.\][^}]*display: none/);
  });

  it("rules kramdown's footnote block (div.footnotes) without touching the distill appendix's list (ol.footnotes)", () => {
    // A bare `.footnotes` rule also gave the appendix list a second rule line and a gap under its heading.
    const selectors = [...css.matchAll(/(^|})\s*([^{}@]+)\{/g)].flatMap((m) => m[2]!.split(",").map((s) => s.trim()));
    expect(selectors).toContain("div.footnotes");
    expect(selectors.filter((s) => /(^|\s)\.footnotes\b/.test(s))).toEqual([]);
  });
});
