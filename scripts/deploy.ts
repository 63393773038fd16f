/**
 * `npm run deploy -- [--content DIR] [--dry-run [DIR]]`
 *
 * Build content/, `wrangler deploy` the worker and the static files, then
 * publish the new version to the Cloudflare KV namespace of wrangler.toml
 * with `wrangler kv bulk put --remote` in requests within Cloudflare's limits,
 * the pointer last. `--dry-run` needs no account: it writes what a deploy to
 * an empty namespace would upload into DIR (default `deploy-dry-run/`):
 * `kv/bulk-NNN.json` in upload order and `public/`, and prints the counts.
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { formatContentError } from "../src/content/error.ts";
import { namespaceIdProblem } from "./lib/deploy-checks.ts";
import { runBuild } from "./lib/run-build.ts";

const USAGE = `usage: npm run deploy -- [--content DIR] [--dry-run [DIR]]`;

let values;
try {
  const args = process.argv.slice(2);
  // `--dry-run` may stand alone or take a folder.
  const i = args.indexOf("--dry-run");
  if (i >= 0 && (i + 1 >= args.length || args[i + 1]!.startsWith("--"))) args.splice(i + 1, 0, "deploy-dry-run");
  ({ values } = parseArgs({ args, options: { content: { type: "string", default: "content" }, "dry-run": { type: "string" }, help: { type: "boolean", default: false } } }));
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dryRun = values["dry-run"];
// A real deploy needs a real namespace: checked before anything is built or uploaded.
if (!dryRun) {
  const problem = namespaceIdProblem(readFileSync("wrangler.toml", "utf8"));
  if (problem) {
    console.error(formatContentError(problem));
    process.exit(1);
  }
}
runBuild({
  content: values.content,
  remote: true,
  dryRun: false,
  drafts: false,
  rollback: false,
  publicDir: dryRun ? join(dryRun, "public") : "public",
  ...(dryRun ? { deployDryRun: dryRun } : {}),
}).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`deploy failed: ${err.message}`);
    process.exit(1);
  },
);
