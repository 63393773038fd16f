/**
 * The content the request benchmarks use: the bundled showcase plus, where
 * `../shared/seed` exists, the reference post with its bibliography and
 * images, laid out as a user would put them in content/.
 */
import { cp, mkdtemp, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const SEED_DIR = resolve("../shared/seed");
export const SEED_POST_PATH = "/blog/2024/december-2023-in-ml/";

export async function benchContent(): Promise<{ dir: string; postPath: string; hasSeed: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), "edgefolio-bench-"));
  await cp("content", dir, { recursive: true });
  if (!existsSync(SEED_DIR)) return { dir, postPath: "/blog/2026/writing-a-distill-post/", hasSeed: false };
  for (const name of await readdir(SEED_DIR)) {
    if (name.endsWith(".md")) await cp(join(SEED_DIR, name), join(dir, "posts", name));
    else if (name.endsWith(".bib")) await cp(join(SEED_DIR, name), join(dir, "assets/bibliography", name));
  }
  await cp(join(SEED_DIR, "assets"), join(dir, "assets"), { recursive: true });
  return { dir, postPath: SEED_POST_PATH, hasSeed: true };
}
