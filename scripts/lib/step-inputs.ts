/**
 * What every post step of one build shares, as plain data a render thread
 * can be sent (structured clone, see render-pool.ts), and the step's context
 * made from it the same way in the build's own thread and in a render thread:
 * so a post renders to the same result wherever it runs.
 */
import type { SiteConfig } from "../../src/content/types.ts";
import type { SourceFile } from "./build-site.ts";
import { parseBibliography, type ParsedBibliography } from "./bibtex.ts";
import { bodyText } from "./body-checks.ts";
import { postStep, SITE_BIBLIOGRAPHY_KEY, type PostStepContext, type PostStepResult, type StepLookups } from "./post-step.ts";

export interface StepInputs {
  site: SiteConfig;
  /** site.yml as Liquid's `site` (its `time` included: made once per build, not per thread). */
  liquidSite: Record<string, unknown>;
  /** File names in `assets/bibliography/`. */
  bibliographies: string[];
  /** Their text, by file name. */
  bibliographyFiles: Record<string, SourceFile>;
  /** `_bibliography/papers.bib`, if the site has one. */
  siteBibliography?: SourceFile;
  /** Whether the content source answers `readAsset` / `imageSize` (a step without them renders differently). */
  readsAssets: boolean;
  sizesPictures: boolean;
}

const EMPTY_BIB: ParsedBibliography = { entries: {}, csl: {}, broken: new Set(), problems: [] };

/** Each bibliography of a build, parsed on first use and once (per thread). */
export class BibliographyReader {
  private readonly parsed = new Map<string, ParsedBibliography>();

  constructor(private readonly inputs: Pick<StepInputs, "bibliographyFiles" | "siteBibliography">) {}

  private once(name: string, parse: () => ParsedBibliography): ParsedBibliography {
    let bib = this.parsed.get(name);
    if (!bib) {
      bib = parse();
      this.parsed.set(name, bib);
    }
    return bib;
  }

  /** A file of `assets/bibliography/` (empty when it has no text: no post can cite from it). */
  read(name: string): ParsedBibliography {
    return this.once(name, () => {
      const bib = this.inputs.bibliographyFiles[name];
      // bodyText: no control characters or lone surrogates reach a page from a .bib either.
      return bib ? parseBibliography(bodyText(bib.text), bib.file) : EMPTY_BIB;
    });
  }

  /** The site-wide bibliography of jekyll-scholar tags, if the site has one. */
  readSite(): ParsedBibliography | undefined {
    const site = this.inputs.siteBibliography;
    return site && this.once(SITE_BIBLIOGRAPHY_KEY, () => parseBibliography(site.text, site.file));
  }

  /** `name` as `citedKeys` names it (a file name, or SITE_BIBLIOGRAPHY_KEY), parsed. */
  readCited(name: string): ParsedBibliography {
    return name === SITE_BIBLIOGRAPHY_KEY ? this.readSite() ?? EMPTY_BIB : this.read(name);
  }
}

/** The post step's context for one build: `lookups` answer (or record, or ask the build thread) what a post asks. */
export function stepContext(inputs: StepInputs, bibliographies: BibliographyReader, lookups: StepLookups): PostStepContext {
  return {
    site: inputs.site,
    liquidSite: inputs.liquidSite as PostStepContext["liquidSite"],
    bibliographies: inputs.bibliographies,
    readBibliography: (name) => bibliographies.read(name),
    readSiteBibliography: () => bibliographies.readSite(),
    lookups,
  };
}

/**
 * `postStep`, with anything it throws (a renderer's bug, a lookup that
 * fails) turned into a located error of the post: one bad post neither stops
 * the build nor, on a render thread, loses the other posts' results.
 */
export function guardedStep(file: string, text: string, ctx: PostStepContext): PostStepResult {
  try {
    return postStep(file, text, ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { problems: [{ file, line: 1, col: 1, message: `the post does not build: ${message}`, hint: "this is a bug of the engine or of a lookup it made; please report it with the post", severity: "error" }], meta: null, post: null };
  }
}
