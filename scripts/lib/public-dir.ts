/**
 * The Static Assets folder (`public/`, see wrangler.toml). Staged before the
 * pointer moves, so a new post's images exist when it goes live; pruned after,
 * so a failed publish leaves every file the live version needs.
 * Files are synced in place (not swapped) so a running `wrangler dev` keeps watching the folder.
 */
import { copyFile, mkdir, readdir, rm, stat, utimes, writeFile, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";

export interface PublicFiles {
  /** Public path (`assets/img/x.jpg`) → absolute source path. */
  copies: Map<string, string>;
  /** Public path → generated text (the engine stylesheet). */
  texts: Map<string, string>;
}

/**
 * Whether copy `b` holds what `a` holds. A copy carries its source's
 * modification time (set after copying or comparing; equal within a
 * millisecond, what utimes keeps), so an unchanged library is one stat instead of reading megabytes twice on every build: the
 * stat-based limit file-stamps.ts accepts for posts.
 */
async function sameContent(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b).catch(() => null)]);
  if (!sb || sa.size !== sb.size) return false;
  if (Math.abs(sa.mtimeMs - sb.mtimeMs) < 1) return true;
  if (!(await readFile(a)).equals(await readFile(b))) return false;
  await utimes(b, sa.atimeMs / 1000, sa.mtimeMs / 1000).catch(() => {});
  return true;
}

export async function stagePublic(publicDir: string, files: PublicFiles): Promise<number> {
  let written = 0;
  for (const [rel, src] of files.copies) {
    const dest = join(publicDir, rel);
    if (await sameContent(src, dest)) continue;
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(src, dest);
    const { atimeMs, mtimeMs } = await stat(src);
    await utimes(dest, atimeMs / 1000, mtimeMs / 1000);
    written++;
  }
  for (const [rel, text] of files.texts) {
    const dest = join(publicDir, rel);
    if ((await readFile(dest, "utf8").catch(() => null)) === text) continue;
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, text);
    written++;
  }
  return written;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

export async function prunePublic(publicDir: string, files: PublicFiles): Promise<number> {
  let removed = 0;
  for (const rel of await listFiles(publicDir)) {
    // Dotfiles (.assetsignore) are the folder's own configuration, not content.
    if (rel.split("/").some((part) => part.startsWith(".")) || files.copies.has(rel) || files.texts.has(rel)) continue;
    await rm(join(publicDir, rel));
    removed++;
  }
  return removed;
}
