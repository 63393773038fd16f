/** `npm run new`: the post it writes builds as is, and it never overwrites. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli-helpers.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "edgefolio-new-"));
  await writeFile(join(dir, "site.yml"), "title: New posts\nurl: https://new.example\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("writes a plain and a distill post that build, and refuses to overwrite", async () => {
  const plain = await runCli(["Hello: a \"quoted\" Title", "--date", "2024-05-06", "--content", dir], "scripts/new-post.ts");
  expect(plain.code, plain.stderr).toBe(0);
  const text = await readFile(join(dir, "posts/2024-05-06-hello-a-quoted-title.md"), "utf8");
  expect(text).toContain('title: "Hello: a \\"quoted\\" Title"');

  const distill = await runCli(["A distill post", "--distill", "--date", "2024-05-07", "--content", dir], "scripts/new-post.ts");
  expect(distill.code, distill.stderr).toBe(0);
  expect(await readFile(join(dir, "assets/bibliography/2024-05-07-a-distill-post.bib"), "utf8")).toContain("@article{example2024");

  const build = await runCli(["--content", dir, "--dry-run"]);
  expect(build.code, build.stderr).toBe(0);
  expect(build.stdout).toContain("2 posts");

  const again = await runCli(["Hello: a \"quoted\" Title", "--date", "2024-05-06", "--content", dir], "scripts/new-post.ts");
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already exists; nothing was written");
  expect(await readFile(join(dir, "posts/2024-05-06-hello-a-quoted-title.md"), "utf8")).toBe(text);

  expect((await runCli(["Bad date", "--date", "2024-02-30", "--content", dir], "scripts/new-post.ts")).code).toBe(2);
}, 120_000);
