/**
 * `npm run bench`: every benchmark in turn, each writing its section of
 * BENCHMARKS.md. `npm run bench -- NAME…` runs only those.
 */
import { spawnSync } from "node:child_process";

/** Benchmark scripts in bench/, run in this order. */
const BENCHMARKS = ["build", "requests", "render", "site-pages", "liquid", "math", "citations", "publish", "packs", "dev"];

const only = process.argv.slice(2);
for (const name of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b))) {
  console.log(`\n=== bench/${name}.ts`);
  const r = spawnSync("npx", ["tsx", `bench/${name}.ts`], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`bench/${name}.ts failed (exit ${r.status})`);
    process.exit(1);
  }
}
