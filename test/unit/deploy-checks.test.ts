/** `npm run deploy` refuses wrangler.toml's placeholder KV namespace id before anything is built or uploaded. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { namespaceIdProblem } from "../../scripts/lib/deploy-checks.ts";

describe("namespaceIdProblem", () => {
  it("the shipped wrangler.toml's placeholder is an error located at the id", () => {
    const toml = readFileSync("wrangler.toml", "utf8");
    const problem = namespaceIdProblem(toml);
    const line = toml.split("\n").findIndex((l) => l.startsWith("id = ")) + 1;
    expect(problem).toMatchObject({ file: "wrangler.toml", line, col: 7, severity: "error" });
    expect(problem!.message).toContain("`edgefolio-content`");
    expect(problem!.hint).toContain("wrangler kv namespace create CONTENT");
  });

  it("a 32-hex-digit id passes; a missing binding or id is named", () => {
    const real = 'name = "x"\n[[kv_namespaces]]\nbinding = "CONTENT"\nid = "0123456789abcdef0123456789abcdef"\n\n[assets]\ndirectory = "public"\n';
    expect(namespaceIdProblem(real)).toBeNull();
    expect(namespaceIdProblem('[[kv_namespaces]]\nbinding = "OTHER"\nid = "0123456789abcdef0123456789abcdef"\n')?.message).toMatch(/no \[\[kv_namespaces\]\] with binding = "CONTENT"/);
    expect(namespaceIdProblem('[[kv_namespaces]]\nbinding = "CONTENT"\n[vars]\nid = "0123456789abcdef0123456789abcdef"\n')?.message).toMatch(/has no `id`/);
  });
});
