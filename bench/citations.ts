/**
 * Issue 11: what citation styles cost, at build time only (the worker reads
 * stored HTML and never loads the CSL processor).
 *  - BibTeX parse of the seed's .bib (26 entries), per entry;
 *  - CSL formatting per reference, for each offered style: the first post
 *    in a build (style load + engine set-up included) and later posts
 *    (engine reused), over the seed's 26 references, median of 5 runs.
 * The seed .bib is ../shared/seed/dec2023.bib; without it, the fixture exports.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { parseBibliography } from "../scripts/lib/bibtex.ts";
import { formatEntries } from "../scripts/lib/csl.ts";
import { writeSection, type Row } from "./support/report.ts";

const STYLES = ["apa", "ieee", "chicago-author-date", "modern-language-association", "vancouver"];
const SEED = new URL("../../shared/seed/dec2023.bib", import.meta.url);
const FIXTURES = new URL("../test/fixtures/bibtex/", import.meta.url);

function bibText(): { text: string; what: string } {
  if (existsSync(SEED)) return { text: readFileSync(SEED, "utf8"), what: "the seed's dec2023.bib" };
  const dir = FIXTURES.pathname;
  return { text: readdirSync(dir).filter((f) => f.endsWith(".bib") && f !== "problems.bib").map((f) => readFileSync(join(dir, f), "utf8")).join("\n"), what: "the fixture exports" };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Child mode: a fresh process formats once (`first`) then 5 more times (`again`), printing ms. */
function child(style: string): void {
  const { text } = bibText();
  const items = Object.values(parseBibliography(text, "x.bib").csl);
  let t = performance.now();
  formatEntries(items, style);
  const first = performance.now() - t;
  const again: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    formatEntries(items, style);
    again.push(performance.now() - t);
  }
  console.log(JSON.stringify({ first, again: median(again), n: items.length }));
}

async function main(): Promise<void> {
  const { text, what } = bibText();
  const parses: number[] = [];
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    n = Object.keys(parseBibliography(text, "x.bib").entries).length;
    parses.push(performance.now() - t);
  }
  const rows: Row[] = [{ metric: `BibTeX parse, ${n} entries (median of 7)`, value: `${median(parses).toFixed(1)} ms (${(median(parses) / n).toFixed(2)} ms per entry)` }];
  for (const style of STYLES) {
    const runs = Array.from({ length: 3 }, () => {
      const r = spawnSync("npx", ["tsx", "bench/citations.ts", "--child", style], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout.trim().split("\n").pop()!) as { first: number; again: number; n: number };
    });
    const first = median(runs.map((r) => r.first));
    const again = median(runs.map((r) => r.again));
    const refs = runs[0]!.n;
    rows.push({ metric: `${style}: first post of a build, ${refs} references`, value: `${first.toFixed(0)} ms (${(first / refs).toFixed(1)} ms per reference)` });
    rows.push({ metric: `${style}: later posts, ${refs} references`, value: `${again.toFixed(0)} ms (${(again / refs).toFixed(1)} ms per reference)` });
  }
  rows.push({ metric: "worker requests", value: "0 ms: the formatted HTML is stored with the post" });
  await writeSection("citations", "Citations (issue 11): BibTeX and CSL at build time", `BibTeX parse and CSL formatting (citation-js 0.7 / citeproc-js) of ${what}, in Node. "First post" is a fresh process (style load and citeproc engine set-up included; median of 3 processes), "later posts" the median of 5 more runs in it.`, rows);
  for (const r of rows) console.log(`${r.metric}: ${r.value}`);
}

if (process.argv[2] === "--child") child(process.argv[3]!);
else await main();
