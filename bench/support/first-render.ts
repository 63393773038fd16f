/**
 * Child process: time the first render of a page in a fresh V8 (cold JIT,
 * nothing warmed), then the median of later renders. Prints JSON.
 * Usage: tsx bench/support/first-render.ts <page-blob.json> <manifest.json> [--no-warm-up]
 */
import { readFileSync } from "node:fs";
import type { Live, PostPage } from "../../src/store/types.ts";

const page = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as PostPage;
const live = JSON.parse(readFileSync(process.argv[3]!, "utf8")) as Live;
// What the worker does at isolate start-up: load the modules and run the warm-up (src/index.ts).
const t0 = performance.now();
const { pageFrame } = await import("../../src/routes/page-views.ts");
const { layout } = await import("../../src/views/layout.ts");
const { warmUp } = await import("../../src/warm-up.ts");
if (!process.argv.includes("--no-warm-up")) warmUp();
const importMs = performance.now() - t0;

const render = () => layout(live, pageFrame("post", page, live, page.post.meta.path)).toString();
const t1 = performance.now();
const html = render();
const firstMs = performance.now() - t1;
const warm: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  render();
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ importMs, firstMs, warmP50: warm[150], warmP99: warm[297], bytes: html.length }));
