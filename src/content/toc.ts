/**
 * A post's table of contents, resolved against its headings so every link
 * lands on a heading id: a front-matter entry takes the id of the next unused
 * heading with the same slug (so duplicates, apostrophes and `σReparam` all
 * resolve), and `toc: true` lists the two top levels of headings themselves,
 * honouring `data-toc-text` and `data-toc-skip` (see extensions/headings.ts).
 */
import type { Toc, TocEntry } from "./types.ts";
import type { Heading } from "../markdown/extensions/headings.ts";
import { slugify } from "./slug.ts";

export interface TocLink {
  text: string;
  /** Heading id, or undefined when no heading has this name. */
  id?: string;
  children: TocLink[];
}

export function resolveToc(toc: Toc, headings: readonly Heading[]): TocLink[] {
  if (toc.kind === "auto") {
    // `data-toc-skip` leaves a heading out, `data-toc-text` relabels it (bootstrap-toc's attributes).
    const listed = headings.filter((h) => !h.tocSkip);
    const top = Math.min(...listed.map((h) => h.depth));
    const links: TocLink[] = [];
    for (const h of listed) {
      const link = { text: h.tocText ?? h.text, id: h.id, children: [] };
      if (h.depth === top || !links.length) links.push(link);
      else if (h.depth === top + 1) links[links.length - 1]!.children.push(link);
    }
    return links;
  }
  const used = new Set<string>();
  // Each heading's slug once, not once per entry looked up.
  const slugs = headings.map((h) => slugify(h.text));
  const find = (name: string): string | undefined => {
    const slug = slugify(name);
    const h = headings.find((x, i) => !used.has(x.id) && slugs[i] === slug);
    if (h) used.add(h.id);
    return h?.id;
  };
  const walk = (entries: readonly TocEntry[]): TocLink[] =>
    entries.map((e) => {
      const id = find(e.name);
      return { text: e.name, ...(id ? { id } : {}), children: walk(e.subsections) };
    });
  return walk(toc.entries);
}

/** Names of TOC entries that match no heading (the build warns about them). */
export function unresolvedToc(links: readonly TocLink[]): string[] {
  return links.flatMap((l) => [...(l.id ? [] : [l.text]), ...unresolvedToc(l.children)]);
}
