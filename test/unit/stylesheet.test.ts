/** The engine stylesheet carries what distill posts need to look right without script. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../../src/styles/edgefolio.css", import.meta.url), "utf8");

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
    const dark = css.slice(css.lastIndexOf("@media (prefers-color-scheme: dark)"));
    for (const kind of ["tip", "warning", "danger"]) {
      expect(css, kind).toContain(`blockquote.block-${kind} { border-left-color: var(--${kind}-line); background: var(--${kind}-bg); color: var(--${kind}-text); }`);
      expect(dark, `dark ${kind}`).toMatch(new RegExp(`--${kind}-bg: #[0-9a-f]{6}`));
    }
  });

  it("shows every picture of al-folio's image components before (or without) their scripts", () => {
    // Not yet defined custom elements are plain boxes: slides in a grid, the two compared figures side by side.
    expect(css).toMatch(/swiper-container:not\(:defined\) \{ display: grid;/);
    expect(css).toMatch(/img-comparison-slider:not\(:defined\) \{ display: grid; grid-template-columns: 1fr 1fr;/);
    expect(css).not.toMatch(/\[slot=.second.\][^}]*display: none/);
  });
});
