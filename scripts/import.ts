/**
 * `npm run import -- PATH_TO_JEKYLL_SITE [--out DIR] [--force]`
 *
 * Copy an al-folio (or plain Jekyll) site's posts, drafts, assets and
 * bibliography into a content folder and map its `_config.yml` to site.yml
 * (scripts/lib/import/). Prints what was mapped and, located, everything left
 * out with the reason. Exit 1 and nothing written on an error.
 */
import { parseArgs } from "node:util";
import { formatContentError, sortProblems } from "../src/content/error.ts";
import { importJekyllSite } from "./lib/import/import-site.ts";
import { problemSummary } from "./lib/problem-summary.ts";

const USAGE = `usage: npm run import -- PATH_TO_JEKYLL_SITE [options]
  --out DIR   content folder to write (default: content)
  --force     replace site.yml, posts/, assets/ and _bibliography/ of a non-empty DIR`;

let args: { source: string; out: string; force: boolean };
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { out: { type: "string", default: "content" }, force: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error("give one Jekyll site folder");
  args = { source: positionals[0]!, out: values.out, force: values.force };
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

const report = await importJekyllSite(args);
for (const note of sortProblems(report.notes)) console.error(formatContentError(note));
for (const line of [...problemSummary(report.notes, "error"), ...problemSummary(report.notes, "warning")]) console.error(line);
if (!report.written) {
  console.error(`\nimport stopped: nothing was written to ${args.out}`);
  process.exit(1);
}
const { posts, drafts, assets, bibliography } = report.counts;
const left = report.notes.length;
console.log(
  [
    `imported ${args.source} into ${args.out}: ${posts} posts, ${drafts} drafts (published: false), ${assets} assets${bibliography ? ", _bibliography/papers.bib" : ""}`,
    `site.yml: ${report.mapped.join("; ") || "engine defaults"}`,
    ...(report.ignoredEmpty.length ? [`off or empty in _config.yml, nothing to map: ${report.ignoredEmpty.join(", ")}`] : []),
    `${left ? `${left} item${left === 1 ? "" : "s"} not mapped or changed, listed above with the reason. ` : ""}Next: npm run build -- --content ${args.out}`,
  ].join("\n"),
);
