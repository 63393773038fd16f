/**
 * Staging the Static Assets folder (scripts/lib/public-dir.ts): a copy takes
 * its source's modification time, so the next build knows an unchanged file by
 * one stat; a copy whose size or time differs is compared or copied again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stagePublic, type PublicFiles } from "../../scripts/lib/public-dir.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-public-dir-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const copies = (src: string): PublicFiles => ({ copies: new Map([["lib/x.js", src]]), texts: new Map() });

describe("staging copies", () => {
  it("gives a copy its source's time, and knows an unchanged copy by size and time alone", async () => {
    const src = join(dir, "a.js");
    const out = join(dir, "public-a");
    await writeFile(src, "console.log(1);");
    await utimes(src, new Date("2025-03-04T05:06:07.891Z"), new Date("2025-03-04T05:06:07.891Z"));
    expect(await stagePublic(out, copies(src))).toBe(1);
    expect(Math.abs((await stat(join(out, "lib/x.js"))).mtimeMs - (await stat(src)).mtimeMs)).toBeLessThan(1);
    expect(await stagePublic(out, copies(src))).toBe(0);
    // Same size and time: taken as unchanged without reading (the accepted stat-based limit).
    const { atime, mtime } = await stat(join(out, "lib/x.js"));
    await writeFile(join(out, "lib/x.js"), "console.log(2);");
    await utimes(join(out, "lib/x.js"), atime, mtime);
    expect(await stagePublic(out, copies(src))).toBe(0);
  });

  it("copies again a source edited at the same size, and stamps an equal copy of another time without copying", async () => {
    const src = join(dir, "b.js");
    const out = join(dir, "public-b");
    await writeFile(src, "console.log(1);");
    await stagePublic(out, copies(src));
    await writeFile(src, "console.log(3);");
    await utimes(src, new Date("2026-01-02T03:04:05Z"), new Date("2026-01-02T03:04:05Z"));
    expect(await stagePublic(out, copies(src))).toBe(1);
    expect(await readFile(join(out, "lib/x.js"), "utf8")).toBe("console.log(3);");
    // Same bytes, another time (a folder staged before copies kept times): compared once, then stamped.
    await utimes(join(out, "lib/x.js"), new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    expect(await stagePublic(out, copies(src))).toBe(0);
    expect((await stat(join(out, "lib/x.js"))).mtime.toISOString()).toBe("2026-01-02T03:04:05.000Z");
  });
});
