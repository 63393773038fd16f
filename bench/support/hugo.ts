/**
 * The same generated posts built by Hugo (Debian package `hugo`), for a
 * side-by-side build-time figure. Minimal layouts: the post body, and lists
 * of titles for home, sections and taxonomies, as our build computes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContentSource } from "../../scripts/lib/build-site.ts";

export function hugoVersion(): string | null {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8" }).trim().split(" ")[1] ?? "hugo";
  } catch {
    return null;
  }
}

/**
 * Wall time and CPU time (user + system, all of Hugo's threads; ms) of `hugo`
 * building `source`'s posts, files written to a temp dir. Hugo renders on
 * every core, so on a shared machine its wall time moves with the load more
 * than a one-thread build's: the CPU times compare the work done.
 */
export async function hugoBuild(source: ContentSource): Promise<{ wallMs: number; cpuMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), "edgefolio-hugo-"));
  try {
    await mkdir(join(dir, "content/posts"), { recursive: true });
    await mkdir(join(dir, "layouts/_default"), { recursive: true });
    await writeFile(join(dir, "hugo.toml"), 'baseURL = "https://bench.example.org/"\ntitle = "Bench Lab"\n[pagination]\npagerSize = 5\n');
    await writeFile(join(dir, "layouts/_default/single.html"), "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n");
    await writeFile(join(dir, "layouts/_default/list.html"), "<html><body><ul>{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
    for (const post of source.posts) await writeFile(join(dir, "content/posts", post.file.split("/").pop()!), post.text.replace(/^layout: post\n/m, ""));
    const t = performance.now();
    // bash's `time` reports the child's user and system seconds (TIMEFORMAT), on stderr.
    const run = spawnSync("bash", ["-c", 'TIMEFORMAT="%3U %3S"; time hugo --quiet --source "$1" --destination "$2" >/dev/null', "hugo", dir, join(dir, "public")], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    const wallMs = performance.now() - t;
    if (run.status !== 0) throw new Error(`hugo failed: ${run.stderr}`);
    const [user, sys] = run.stderr.trim().split(/\s+/).slice(-2).map(Number);
    return { wallMs, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
