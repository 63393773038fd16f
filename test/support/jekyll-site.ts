/**
 * A Jekyll site in al-folio's layout, assembled at test time for
 * `npm run import`: al-folio's 31 sample posts and their stand-in assets from
 * ../shared/corpus/al-folio, plus a `_config.yml`, a `_bibliography/papers.bib`,
 * a blog page, a draft, a picture and two theme files written here with our
 * own data. Null where ../shared is absent (tests using it report as skipped).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CORPUS_DIR } from "./external-sites.ts";
import { importJekyllSite, type ImportReport } from "../../scripts/lib/import/import-site.ts";
import { BLOG_PAGE, CONFIG, DRAFT, JEKYLL_SITE, PAPERS_BIB, PICTURE } from "./jekyll-site-data.ts";

/** Write `files` (path → text) under `dir`. */
function writeAll(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A new Jekyll site folder built from the corpus, or null without ../shared. */
export function assembleJekyllSite(): string | null {
  if (!existsSync(join(CORPUS_DIR, "_posts"))) return null;
  const dir = mkdtempSync(join(tmpdir(), "edgefolio-jekyll-"));
  cpSync(join(CORPUS_DIR, "_posts"), join(dir, "_posts"), { recursive: true });
  cpSync(join(CORPUS_DIR, "assets"), join(dir, "assets"), { recursive: true });
  writeAll(dir, {
    "_config.yml": CONFIG,
    "_bibliography/papers.bib": PAPERS_BIB,
    "_pages/blog.md": BLOG_PAGE,
    "_drafts/unfinished-idea.md": DRAFT,
    [JEKYLL_SITE.picture]: PICTURE,
    // al-folio's theme files: Sass, and a script Jekyll runs through Liquid.
    "assets/css/main.scss": "---\n---\n@import 'main';\n",
    "assets/js/theme.js": "---\n---\nconst base = '{{ site.baseurl }}';\n",
  });
  return dir;
}

/** The test site imported into a new content folder (for the worker tests' global setup). */
export async function importedJekyllSite(): Promise<{ dir: string; report: ImportReport } | null> {
  const source = assembleJekyllSite();
  if (!source) return null;
  const dir = mkdtempSync(join(tmpdir(), "edgefolio-imported-"));
  const report = await importJekyllSite({ source, out: dir });
  return { dir, report };
}
