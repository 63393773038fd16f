/**
 * jekyll-scholar for one post, at build time: what `{% cite %}`,
 * `{% reference %}`, `{% quote %}` and `{% bibliography %}` print, and the
 * "related publications" list al-folio appends to a `layout: post` post
 * with `related_publications: true`.
 *
 * Entries come from the post's front-matter `bibliography:` first, then the
 * site-wide bibliography (`content/_bibliography/papers.bib`, al-folio's
 * `_bibliography/papers.bib`). Formatting is CSL (citation-js) in the post's
 * citation style, APA when it has none (jekyll-scholar's and al-folio's
 * default); numeric styles number works by first citation, as in the text.
 * Every piece of output is sanitised HTML (see csl.ts); keys land only in
 * ids and fragment links built by `referenceId`.
 */
import { citationJs } from "./citation-js.ts";
import { html, raw } from "../../src/escape/html.ts";
import { referenceId } from "../../src/markdown/extensions/ids.ts";
import type { CslItem, ParsedBibliography } from "./bibtex.ts";
import { formatEntries, sanitizeEntryHtml } from "./csl.ts";
import { DISTILL_STYLE, loadStyle } from "./csl-styles.ts";

/** Whether a post body uses a jekyll-scholar tag (so the site bibliography is read only when needed). */
export const usesScholarTags = (body: string): boolean => /\{%-?\s*(?:cite|reference|quote|bibliography)\b/.test(body);

/** jekyll-scholar's default style, and al-folio's. */
export const SCHOLAR_DEFAULT_STYLE = "apa";

export interface ScholarSession {
  /** In-text citation of `keys` (`(Einstein & Taub, 1950)`, `[1], [2]`) linked to the first key's entry; null and a message when a key is unknown. */
  cite(keys: readonly string[]): { html: string } | { error: string };
  /** One full reference, inline. */
  reference(key: string): { html: string } | { error: string };
  /** `{% bibliography %}`: the cited entries (`cited: true`) in citation order, else every entry of the site bibliography in file order. */
  bibliography(cited: boolean): string;
  /** Keys cited so far, in first-citation order. */
  cited(): string[];
  /** al-folio's `related_publications` list (no ids when a `{% bibliography %}` already gave them). */
  relatedPublications(): string | undefined;
}

/** A session for one post; `sources` in lookup order (front-matter .bib, then the site's). */
export function scholarSession(sources: readonly ParsedBibliography[], style: string | undefined): ScholarSession {
  const csl = style && style !== DISTILL_STYLE && loadStyle(style) ? style : SCHOLAR_DEFAULT_STYLE;
  loadStyle(csl);
  const find = (key: string): CslItem | undefined => sources.find((s) => Object.hasOwn(s.csl, key))?.csl[key];
  const bibtexOf = (key: string): string | undefined => sources.find((s) => Object.hasOwn(s.csl, key))?.source?.[key];
  // al-folio's "Bib" button: the entry's BibTeX, open on demand (a <details>, so without script too), with a Copy button.
  const bibtex = (key: string) => {
    const text = bibtexOf(key);
    if (text === undefined) return "";
    const id = `bibtex-${referenceId(key).replace(/^ref-/, "")}`;
    return html`<details class="bibtex"><summary>BibTeX</summary><div class="citation-bibtex"><pre><code id="${id}">${text}</code></pre><button type="button" class="copy-citation" data-copy-target="${id}" hidden>Copy</button></div></details>`;
  };
  const order: string[] = [];
  const groups: string[][] = [];
  let listedIds = false;

  const list = (keys: readonly string[], withIds: boolean): string => {
    const items = keys.map(find).filter((i): i is CslItem => i !== undefined);
    const formatted = formatEntries(items, csl);
    return html`<ol class="bibliography">${items.map((i) => html`<li${withIds ? html` id="${referenceId(i.id)}"` : ""}><span class="reference">${raw(formatted[i.id] ?? "")}</span>${withIds ? bibtex(i.id) : ""}</li>`)}</ol>`.toString();
  };

  return {
    cite(keys) {
      const unknown = keys.filter((k) => !find(k));
      if (unknown.length || !keys.length) return { error: keys.length ? `unknown citation key \`${unknown.join("`, `")}\`` : "`cite` needs at least one key" };
      for (const k of keys) if (!order.includes(k)) order.push(k);
      const items = order.map((k) => find(k)!);
      // Earlier citations go first, so numeric styles number by first citation.
      const text = new (citationJs().Cite)(items).format("citation", {
        format: "html", template: csl, lang: "en-US", entry: [...keys],
        ...({ citationsPre: groups.map((g) => ({ citationItems: g.map((id) => ({ id })), properties: { noteIndex: 0 } })) } as object),
      });
      groups.push([...keys]);
      return { html: html`<a class="citation" href="#${referenceId(keys[0]!)}">${raw(sanitizeEntryHtml(text))}</a>`.toString() };
    },
    reference(key) {
      const item = find(key);
      if (!item) return { error: `unknown citation key \`${key}\`` };
      return { html: html`<span class="reference">${raw(formatEntries([item], csl)[key] ?? "")}</span>`.toString() };
    },
    bibliography(cited) {
      const keys = cited ? order : Object.keys(sources[sources.length - 1]?.csl ?? {});
      const out = list(keys, !listedIds);
      listedIds = true;
      return out;
    },
    cited: () => [...order],
    relatedPublications() {
      if (!order.length) return undefined;
      return html`<h2 id="related-publications">References</h2>
<div class="publications">${raw(list(order, !listedIds))}</div>`.toString();
    },
  };
}
