/**
 * The dev server's watcher (scripts/lib/watch-tree.ts) sees every save: a
 * save by rename (temporary file renamed over the post, as vim and sed -i
 * do), an in-place write after it, and files in folders made after it started.
 */
import { afterAll, describe, expect, it } from "vitest";
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchTree } from "../../scripts/lib/watch-tree.ts";

const root = mkdtempSync(join(tmpdir(), "edgefolio-watch-"));
mkdirSync(join(root, "posts"));
writeFileSync(join(root, "posts/a.md"), "one\n");
const seen: string[] = [];
const watcher = watchTree(root, (path) => seen.push(path));
afterAll(() => {
  watcher.close();
  rmSync(root, { recursive: true, force: true });
});

/** Wait until a change of `path` is reported (events arrive within milliseconds; the limit only ends a failing test). */
async function reported(path: string): Promise<boolean> {
  const end = Date.now() + 5000;
  while (Date.now() < end) {
    if (seen.splice(0).includes(path)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe("watchTree", () => {
  it("sees an in-place write, a save by rename, and an in-place write after that", async () => {
    appendFileSync(join(root, "posts/a.md"), "two\n");
    expect(await reported(join("posts", "a.md"))).toBe(true);
    writeFileSync(join(root, "posts/.a.md.swp"), "three\n");
    renameSync(join(root, "posts/.a.md.swp"), join(root, "posts/a.md"));
    expect(await reported(join("posts", "a.md"))).toBe(true);
    appendFileSync(join(root, "posts/a.md"), "four\n");
    expect(await reported(join("posts", "a.md"))).toBe(true);
  });

  it("watches folders made after it started", async () => {
    mkdirSync(join(root, "assets/img"), { recursive: true });
    expect(await reported("assets")).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(join(root, "assets/img/dot.png"), "png");
    expect(await reported(join("assets", "img", "dot.png"))).toBe(true);
  });
});
