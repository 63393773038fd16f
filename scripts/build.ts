/**
 * `npm run build -- [--content DIR] [--remote] [--dry-run] [--drafts] [--persist-to DIR] [--rollback]`
 *
 * Validate content/, render every post once, and publish a new version to KV
 * (local by default). On any error: messages `file:line:col`, exit 1, and
 * nothing published: the previous version stays live.
 */
import { parseArgs } from "node:util";
import { runBuild, type BuildCliOptions } from "./lib/run-build.ts";

const USAGE = `usage: npm run build -- [options]
  --content DIR     content folder to build (default: content)
  --remote          publish to Cloudflare (wrangler login and a real KV id in wrangler.toml)
  --dry-run         validate and render only; publish nothing
  --drafts          include unpublished and future-dated posts (local previews)
  --persist-to DIR  local state folder, as for \`wrangler dev --persist-to\` (default: .wrangler/state)
  --public-dir DIR  where to stage static files (default: public, as in wrangler.toml)
  --rollback        make the previous version live again
  --no-cache        render every post, ignoring the build cache (node_modules/.cache/edgefolio)
  --verify-all      read back every stored page and shard the version reuses, not a sample`;

function parseCli(argv: string[]): BuildCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: "string", default: "content" },
      remote: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      drafts: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      "public-dir": { type: "string", default: "public" },
      rollback: { type: "boolean", default: false },
      "verify-all": { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    content: values.content,
    remote: values.remote,
    dryRun: values["dry-run"],
    drafts: values.drafts,
    rollback: values.rollback,
    publicDir: values["public-dir"],
    verifyAll: values["verify-all"],
    noCache: values["no-cache"],
    ...(values["persist-to"] ? { persistTo: values["persist-to"] } : {}),
  };
}

let opts: BuildCliOptions;
try {
  opts = parseCli(process.argv.slice(2));
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
runBuild(opts).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  },
);
