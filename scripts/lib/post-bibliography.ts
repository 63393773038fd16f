/**
 * What a post page stores of its bibliography: the entries it cites, in
 * citation order, each formatted in the post's citation style at build time
 * (`citation_style` in the front matter, else in site.yml, else the engine's
 * distill-like format, which the worker formats itself).
 */
import type { ContentError } from "../../src/content/error.ts";
import type { PostMeta, SiteConfig } from "../../src/content/types.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";
import type { ParsedBibliography } from "./bibtex.ts";
import { DISTILL_STYLE, loadStyle, NAMED_STYLES, type StyleId } from "./csl-styles.ts";
import { formatEntries } from "./csl.ts";
import type { Locate } from "../../src/content/front-matter.ts";

/** The post's style, checked: an unknown style is an error at its front-matter line. */
export function citationStyleOf(meta: PostMeta, site: SiteConfig, file: string, locate: Locate): { id: StyleId; problem?: ContentError } {
  const own = meta.extras["citation_style"];
  if (own === undefined) return { id: site.citationStyle ?? DISTILL_STYLE };
  if (typeof own === "string" && (own === DISTILL_STYLE || loadStyle(own))) return { id: own };
  return {
    id: site.citationStyle ?? DISTILL_STYLE,
    problem: { file, ...locate(["citation_style"]), severity: "error", message: `unknown citation style \`${String(own)}\``, hint: `use ${DISTILL_STYLE}, ${NAMED_STYLES.join(", ")} or another id of the CSL style repository` },
  };
}

/** The cited entries by key (citation order), with `html` in `style` unless it is the distill default. Unknown keys are left out. */
export function styledBibliography(parsed: ParsedBibliography, cited: readonly string[], style: StyleId): Bibliography {
  const keys = cited.filter((k) => Object.hasOwn(parsed.entries, k));
  const formatted = style === DISTILL_STYLE ? {} : formatEntries(keys.map((k) => parsed.csl[k]!), style);
  return Object.fromEntries(keys.map((k) => [k, formatted[k] ? { ...parsed.entries[k]!, html: formatted[k] } : parsed.entries[k]!]));
}

/**
 * Entries of the works a post cites with jekyll-scholar tags (`{% cite %}`,
 * `{% quote %}`), by key in citation order, looked up in `sources` in order
 * (front-matter .bib, then the site's), as the tags themselves look them up.
 * Stored with the page so its Highwire `citation_reference` tags list them as
 * they list `<d-cite>` works; the appendix lists only `<d-cite>` keys.
 */
export function scholarCitedEntries(sources: readonly (ParsedBibliography | undefined)[], keys: readonly string[]): Bibliography {
  // Own properties only (Object.fromEntries), whatever a key is called (`__proto__` too).
  const found: [string, Bibliography[string]][] = [];
  for (const key of keys) {
    const entry = sources.find((s) => s && Object.hasOwn(s.entries, key))?.entries[key];
    if (entry) found.push([key, entry]);
  }
  return Object.fromEntries(found);
}
