/**
 * Real-world posts outside the repo, assembled into temporary content folders
 * when present (they are in CI; a fresh clone lacks them and the tests that
 * use them report as skipped):
 * - `seed`: ../shared/seed, the reference post with its .bib and images;
 * - `corpus-distill`: al-folio's own 2018-12-22-distill.md with its .bib;
 * - `corpus-bibliography`: al-folio's 2023-07-12-post-bibliography.md (jekyll-scholar) with its papers.bib;
 * - `corpus`: every al-folio sample post, its assets and `_bibliography/papers.bib`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `<repo>/../shared`; EDGEFOLIO_SHARED overrides it (set it to a missing folder to see the skip). */
const SHARED = process.env["EDGEFOLIO_SHARED"] ?? fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEED_DIR = join(SHARED, "seed");
export const CORPUS_DIR = join(SHARED, "corpus", "al-folio");

const SITE_YML = `title: External Fixture
url: https://external.example.org
timezone: UTC
giscus:
  repo: example/blog
  repo_id: R_kgDOtest
  category: Comments
  category_id: DIC_kwDOtest
`;

function assemble(name: string, files: [from: string, to: string][]): string {
  const dir = mkdtempSync(join(tmpdir(), `edgefolio-${name}-`));
  writeFileSync(join(dir, "site.yml"), SITE_YML);
  for (const [from, to] of files) {
    mkdirSync(join(dir, to, ".."), { recursive: true });
    cpSync(from, join(dir, to), { recursive: true });
  }
  return dir;
}

/** Content folders by fixture-site name, for the folders that exist on this machine. */
export function externalSites(): Record<string, string> {
  const sites: Record<string, string> = {};
  if (existsSync(join(SEED_DIR, "2024-01-03-december-2023-in-ml.md"))) {
    sites["seed"] = assemble("seed", [
      [join(SEED_DIR, "2024-01-03-december-2023-in-ml.md"), "posts/2024-01-03-december-2023-in-ml.md"],
      [join(SEED_DIR, "dec2023.bib"), "assets/bibliography/dec2023.bib"],
      [join(SEED_DIR, "assets"), "assets"],
    ]);
  }
  if (existsSync(join(CORPUS_DIR, "_posts", "2018-12-22-distill.md"))) {
    sites["corpus-distill"] = assemble("corpus-distill", [
      [join(CORPUS_DIR, "_posts", "2018-12-22-distill.md"), "posts/2018-12-22-distill.md"],
      [join(CORPUS_DIR, "assets"), "assets"],
    ]);
  }
  if (existsSync(join(CORPUS_DIR, "_posts", "2023-07-12-post-bibliography.md"))) {
    // jekyll-scholar tags over al-folio's site-wide bibliography; it links to the distill post with {% post_url %}.
    sites["corpus-bibliography"] = assemble("corpus-bibliography", [
      [join(CORPUS_DIR, "_posts", "2023-07-12-post-bibliography.md"), "posts/2023-07-12-post-bibliography.md"],
      [join(CORPUS_DIR, "_posts", "2018-12-22-distill.md"), "posts/2018-12-22-distill.md"],
      [join(CORPUS_DIR, "_bibliography", "papers.bib"), "_bibliography/papers.bib"],
      [join(CORPUS_DIR, "assets"), "assets"],
    ]);
  }
  const corpus = corpusSite();
  if (corpus) sites["corpus"] = corpus;
  return sites;
}

/**
 * All 31 sample posts of al-folio in one site, with its assets and
 * bibliographies, as an author would copy them in: a new temporary content
 * folder, or null when ../shared/corpus is absent.
 */
export function corpusSite(): string | null {
  if (!existsSync(join(CORPUS_DIR, "_posts"))) return null;
  return assemble("corpus", [
    [join(CORPUS_DIR, "_posts"), "posts"],
    [join(CORPUS_DIR, "assets"), "assets"],
    [join(CORPUS_DIR, "_bibliography"), "_bibliography"],
  ]);
}
