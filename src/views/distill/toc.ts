/** The table of contents of both post layouts: links to heading ids (see src/content/toc.ts). */
import { html, type SafeHtml } from "../../escape/html.ts";
import type { TocLink } from "../../content/toc.ts";

function list(links: readonly TocLink[]): SafeHtml {
  return html`<ul>${links.map((l) => html`<li>${l.id ? html`<a href="#${l.id}">${l.text}</a>` : l.text}${l.children.length ? list(l.children) : ""}</li>`)}</ul>`;
}

/**
 * `sidebar` (al-folio's `toc: {sidebar: left}`) moves it into the margin on
 * wide screens; on narrow ones it stays above the body, as al-folio's does.
 * Renders nothing when there are no links.
 */
export function tableOfContents(links: readonly TocLink[], sidebar?: "left" | "right"): SafeHtml {
  if (!links.length) return html``;
  return html`<nav class="${sidebar ? `toc toc-sidebar-${sidebar}` : "toc"}" aria-labelledby="toc-title"><h2 class="toc-title" id="toc-title">Contents</h2>${list(links)}</nav>`;
}
