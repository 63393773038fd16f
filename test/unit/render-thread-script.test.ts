/**
 * The render thread's compiled script (scripts/lib/render-pool-bundle.ts):
 * one per engine version in the cache folder, earlier versions' removed.
 */
import { expect, it } from "vitest";
import { access, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { CACHE_DIR } from "../../scripts/lib/build-cache.ts";
import { renderWorkerScript } from "../../scripts/lib/render-pool-bundle.ts";

const exists = (path: string) => access(path).then(() => true, () => false);

it("keeps the script of this engine version and removes earlier ones", async () => {
  await mkdir(CACHE_DIR, { recursive: true });
  const old = join(CACHE_DIR, "render-thread-0123456789abcdef.mjs");
  const other = join(CACHE_DIR, "render-thread-notes.txt");
  await writeFile(old, "// an earlier engine's script\n");
  await writeFile(other, "not a script\n");
  const script = await renderWorkerScript();
  expect(await exists(script)).toBe(true);
  expect(script).toMatch(/render-thread-[0-9a-f]{16}\.mjs$/);
  expect(await exists(old)).toBe(false);
  expect(await exists(other)).toBe(true);
}, 60_000);
