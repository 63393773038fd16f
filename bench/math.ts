/**
 * Issue 9: what math and highlighted code cost on a cache miss, now that
 * KaTeX and highlight.js run at build time and the worker only reads their
 * fragments back. Two posts: al-folio's 2015-10-20-math.md (from ../shared,
 * or a stand-in with the same constructs) and a generated post with 200
 * equations and 50 code blocks. Node CPU of the whole page (`pageFrame` +
 * `layout`): warm p50/p99 of 500 after 50, and the first render in a fresh
 * process (median of 5, this file re-run with --child). Plus the math post's
 * page weight: HTML, KaTeX's CSS and the fonts its formulas use, gzip.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Live, PostPage } from "../src/store/types.ts";

async function child(pageFile: string, liveFile: string): Promise<void> {
  const page = JSON.parse(await readFile(pageFile, "utf8")) as PostPage;
  const live = JSON.parse(await readFile(liveFile, "utf8")) as Live;
  const { pageFrame } = await import("../src/routes/page-views.ts");
  const { layout } = await import("../src/views/layout.ts");
  (await import("../src/warm-up.ts")).warmUp();
  const t = performance.now();
  layout(live, pageFrame("post", page, live, page.post.meta.path)).toString();
  console.log(JSON.stringify({ ms: performance.now() - t }));
}

const MATH_POST = new URL("../../shared/corpus/al-folio/_posts/2015-10-20-math.md", import.meta.url);
const STAND_IN = `---
layout: post
title: a post with math
date: 2015-10-20
---
Inline $$ E = mc^2 $$ and display:

$$
\\sum_{k=1}^\\infty |\\langle x, e_k \\rangle|^2 \\leq \\|x\\|^2
$$

\\begin{equation}
\\label{eq:cauchy-schwarz}
\\left( \\sum_{k=1}^n a_k b_k \\right)^2 \\leq \\left( \\sum_{k=1}^n a_k^2 \\right) \\left( \\sum_{k=1}^n b_k^2 \\right)
\\end{equation}
`;

function generatedPost(): string {
  const parts = ["---\nlayout: post\ntitle: Equations and code\ndate: 2024-05-01\n---\n"];
  for (let i = 0; i < 200; i++) {
    if (i % 4 === 0) parts.push(`\\begin{equation}\\label{eq:${i}}\nf_{${i}}(x) = \\sum_{k=0}^{${i}} \\frac{x^k}{k!} + \\int_0^1 t^{${i}}\\,dt\n\\end{equation}\n`);
    else parts.push(`Paragraph ${i} with $a_{${i}} + b^2 = \\sqrt{c_${i}}$ inline and a reference to \\eqref{eq:${i - (i % 4)}}.\n`);
    if (i % 4 === 3) {
      parts.push(`\`\`\`python\ndef step_${i}(x, y=${i}):\n    """Block ${i}."""\n    return [v * y for v in x if v > 0]  # ${i}\n\`\`\`\n`);
    }
  }
  return parts.join("\n");
}

async function main(): Promise<void> {
  const { loadContent } = await import("../scripts/lib/load-content.ts");
  const { buildSite } = await import("../scripts/lib/build-site.ts");
  const { pageData } = await import("./support/bundle-pages.ts");
  const { percentiles } = await import("./support/load.ts");
  const { writeSection } = await import("./support/report.ts");
  const { pageFrame } = await import("../src/routes/page-views.ts");
  const { layout } = await import("../src/views/layout.ts");
  const { LIBRARY_DIR } = await import("../scripts/lib/client-assets.ts");

  const dir = await mkdtemp(join(tmpdir(), "edgefolio-math-"));
  await mkdir(join(dir, "posts"));
  const real = existsSync(MATH_POST);
  await writeFile(join(dir, "site.yml"), "title: Bench\nurl: https://bench.example.org\ntimezone: UTC\n");
  await writeFile(join(dir, "posts", "2015-10-20-math.md"), real ? await readFile(MATH_POST, "utf8") : STAND_IN);
  await writeFile(join(dir, "posts", "2024-05-01-generated.md"), generatedPost());
  const loaded = await loadContent(dir);
  const built = await buildSite(loaded.source);
  if (!built.bundle) throw new Error(built.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n"));
  const live: Live = { ...built.bundle.manifest, previous: [] };
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const measure = async (path: string) => {
    const page = pageData<PostPage>(built.bundle!, path);
    const render = () => layout(live, pageFrame("post", page, live, path)).toString();
    for (let i = 0; i < 50; i++) render();
    const xs: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      render();
      xs.push(performance.now() - t);
    }
    const tmp = await mkdtemp(join(tmpdir(), "edgefolio-math-page-"));
    await writeFile(join(tmp, "page.json"), JSON.stringify(page));
    await writeFile(join(tmp, "live.json"), JSON.stringify(live));
    const first = median([0, 1, 2, 3, 4].map(() => (JSON.parse(execFileSync("npx", ["tsx", "bench/math.ts", "--child", join(tmp, "page.json"), join(tmp, "live.json")], { encoding: "utf8" })) as { ms: number }).ms));
    return { warm: percentiles(xs), first, html: render(), blob: JSON.stringify(page).length };
  };
  const math = await measure("/blog/2015/math/");
  const gen = await measure("/blog/2024/generated/");

  // Page weight: the HTML, KaTeX's stylesheet and the woff2 fonts the formulas' classes call for.
  const gz = (b: Buffer | string) => gzipSync(b).length;
  const cssPath = live.libraries!["katex"]!.styles[0]!.slice(1);
  const css = loaded.libraryFiles.texts.get(cssPath)!;
  const fonts = new Set(["Main-Regular", "Math-Italic"]);
  if (/size1/.test(math.html)) fonts.add("Size1-Regular");
  if (/size2|large-op/.test(math.html)) fonts.add("Size2-Regular");
  if (/size3/.test(math.html)) fonts.add("Size3-Regular");
  if (/size4/.test(math.html)) fonts.add("Size4-Regular");
  let fontBytes = 0;
  for (const [rel, src] of loaded.libraryFiles.copies) {
    const m = /KaTeX_([\w-]+)\.[0-9a-f]{10}\.woff2$/.exec(rel);
    if (m && fonts.has(m[1]!) && rel.startsWith(LIBRARY_DIR)) fontBytes += (await readFile(src)).length;
  }
  const htmlGz = gz(math.html);
  const cssGz = gz(css);

  const ok = (v: number, t: number) => v <= t;
  await writeSection(
    "math",
    "Math, code and diagrams (issue 9)",
    `\`npm run bench -- math\` (bench/math.ts): ${real ? "al-folio's 2015-10-20-math.md" : "a stand-in for al-folio's math post (no ../shared)"} and a generated post with 200 paragraphs (50 numbered equations, 150 inline formulas with \\eqref links) and 50 highlighted Python blocks, built by \`buildSite()\` (KaTeX and highlight.js at build time, stored as fragments). Whole page = \`pageFrame\` + \`layout\` in Node (same V8 as workerd), from the body the build rendered and stored with the post: warm p50/p99 of 500 after 50; first = median of 5 fresh \`tsx\` processes, first call after module load and the worker's start-up warm-up. Page weight: gzip of the HTML, of KaTeX's CSS, plus the woff2 fonts (already compressed) the formulas' classes call for.`,
    [
      { metric: "math post, whole page warm (p50 / p99)", value: `${ms(math.warm.p50)} / ${ms(math.warm.p99)}`, target: "≤ 1 ms p50", ok: ok(math.warm.p50, 1) },
      { metric: "math post, first render in a fresh process", value: ms(math.first), target: "≤ 10 ms", ok: ok(math.first, 10) },
      { metric: "200 equations + 50 code blocks, whole page warm (p50 / p99)", value: `${ms(gen.warm.p50)} / ${ms(gen.warm.p99)}`, target: "≤ 1 ms p50", ok: ok(gen.warm.p50, 1) },
      { metric: "200 equations + 50 code blocks, first render in a fresh process", value: ms(gen.first), target: "≤ 10 ms", ok: ok(gen.first, 10) },
      { metric: "stored page blob (math post / generated post)", value: `${(math.blob / 1024).toFixed(1)} KB / ${(gen.blob / 1024).toFixed(1)} KB` },
      { metric: "math post page weight: HTML + KaTeX CSS + fonts (gzip)", value: `${(htmlGz / 1024).toFixed(1)} + ${(cssGz / 1024).toFixed(1)} + ${(fontBytes / 1024).toFixed(1)} = ${((htmlGz + cssGz + fontBytes) / 1024).toFixed(1)} KB (${fonts.size} fonts)` },
    ],
  );
}

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv[4]!);
else await main();
