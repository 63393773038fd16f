/**
 * The build as an author runs it: real processes, real local KV persistence
 * (the folder `wrangler dev --persist-to` reads), messages on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, readLiveVersion, fixtureSite } from "./cli-helpers.ts";
import { withLocalKv } from "../../scripts/lib/kv-local.ts";

let state: string;
beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), "edgefolio-cli-"));
});
afterAll(async () => {
  await rm(state, { recursive: true, force: true });
});

const args = (content: string) => ["--content", content, "--persist-to", join(state, "state"), "--public-dir", join(state, "public")];

describe("npm run build", () => {
  it("publishes a content folder and reports the version", async () => {
    const r = await runCli(args(fixtureSite("basic")));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/published version [0-9a-f]{16} to local KV: 5 posts/);
    expect(await readLiveVersion(join(state, "state"))).toMatch(/^[0-9a-f]{16}$/);
  });

  it("says which posts it leaves out: future-dated ones (named, with their date) and published: false ones", async () => {
    const content = join(state, "held-back");
    await cp(fixtureSite("basic"), content, { recursive: true });
    await writeFile(join(content, "posts", "2090-06-01-far-ahead.md"), "---\ntitle: Far ahead\n---\nNot yet.\n");
    const r = await runCli([...args(content), "--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^not published \(--drafts includes them\): 2 dated in the future, published by the first build after its date: \S*posts\/2030-01-01-future\.md \(2030-01-01\), \S*posts\/2090-06-01-far-ahead\.md \(2090-06-01\); 1 with `published: false`$/m);
    const all = await runCli([...args(content), "--dry-run", "--drafts"]);
    expect(all.stdout).not.toMatch(/not published/);
  });

  it("rebuilding unchanged content writes nothing", async () => {
    const r = await runCli(args(fixtureSite("basic")));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/is already live on local KV and intact \(\d+ stored keys checked\); nothing to write/);
  });

  it("publishes over a garbled pointer, which used to block every build", async () => {
    const before = await readLiveVersion(join(state, "state"));
    await withLocalKv(join(state, "state"), (kv) => kv.putMany([{ key: "live", value: "{\"version\":" }]));
    expect(await readLiveVersion(join(state, "state"))).toBeNull();
    const r = await runCli(args(fixtureSite("basic")));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("the pointer `live` was unreadable: replaced it");
    expect(await readLiveVersion(join(state, "state"))).toBe(before);
  });

  it("bad front matter: file:line:col messages, exit 1, the live version unchanged", async () => {
    const before = await readLiveVersion(join(state, "state"));
    const r = await runCli(args(fixtureSite("bad-front-matter")));
    expect(r.code).toBe(1);
    const file = "test/fixtures/sites/bad-front-matter/posts";
    expect(r.stderr).toContain(`${file}/2024-01-01-bad-yaml.md:3:`);
    expect(r.stderr).toMatch(/2024-01-01-bad-yaml\.md:3:\d+: error: invalid YAML/);
    expect(r.stderr).toContain(`${file}/2024-01-02-bad-values.md:3:9: error: unknown layout \`fancy\``);
    expect(r.stderr).toContain(`${file}/2024-01-02-bad-values.md:4:7: error: invalid date \`2024-02-30\``);
    expect(r.stderr).toContain("hint: use one of: post, distill");
    expect(r.stderr).toContain("nothing was published; the live version is unchanged");
    expect(await readLiveVersion(join(state, "state"))).toBe(before);
  });

  it("--rollback makes the previous version live again", async () => {
    const content = join(state, "content");
    await cp(fixtureSite("basic"), content, { recursive: true });
    const first = await readLiveVersion(join(state, "state"));
    await writeFile(join(content, "posts/2024-06-01-another.md"), "---\ntitle: Another\n---\nHello.\n");
    expect((await runCli(args(content))).code).toBe(0);
    const second = await readLiveVersion(join(state, "state"));
    expect(second).not.toBe(first);
    const r = await runCli([...args(content), "--rollback"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`rolled back local KV: ${second} → ${first}`);
    expect(await readLiveVersion(join(state, "state"))).toBe(first);
  });

  it("a missing content folder is a clear error", async () => {
    const r = await runCli(args(join(state, "no-such-folder")));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content folder .*no-such-folder does not exist/);
  });
});
