/**
 * What `npm run deploy` checks before it builds and uploads anything: that
 * wrangler.toml names a real KV namespace. The repository ships the id
 * `edgefolio-content`, which local KV accepts as a name; Cloudflare's ids are
 * 32 hex digits (`npx wrangler kv namespace create CONTENT` prints one), and a
 * deploy with the placeholder would upload the worker and then fail on KV.
 */
import type { ContentError } from "../../src/content/error.ts";
import { positionAt } from "../../src/content/error.ts";

/** The id Cloudflare gives a KV namespace. */
const NAMESPACE_ID = /^[0-9a-f]{32}$/;

/**
 * The problem with the `CONTENT` binding's namespace id in wrangler.toml's
 * text, located at the id; null when it looks like a real one.
 *
 * @param toml - wrangler.toml's text
 * @param file - how to name it in the message
 */
export function namespaceIdProblem(toml: string, file = "wrangler.toml"): ContentError | null {
  // Each [[kv_namespaces]] table up to the next table header.
  for (const m of toml.matchAll(/^\[\[kv_namespaces\]\][^\n]*\n((?:(?!\s*\[)[^\n]*\n?)*)/gm)) {
    const body = m[1] ?? "";
    if (!/^\s*binding\s*=\s*"CONTENT"/m.test(body)) continue;
    const id = /^(\s*id\s*=\s*")([^"]*)"/m.exec(body);
    const bodyStart = m.index + m[0].length - body.length;
    if (!id) return { file, ...positionAt(toml, bodyStart), severity: "error", message: "the CONTENT KV namespace has no `id`: nothing was deployed", hint: "run `npx wrangler kv namespace create CONTENT` and write the id it prints as `id = \"…\"` here" };
    if (NAMESPACE_ID.test(id[2]!)) return null;
    return {
      file,
      ...positionAt(toml, bodyStart + id.index + id[1]!.length),
      severity: "error",
      message: `the CONTENT KV namespace id is \`${id[2]}\`, not an id Cloudflare gave (32 hex digits): nothing was deployed`,
      hint: "run `npx wrangler kv namespace create CONTENT` and put the id it prints here (README, \"Deploy\")",
    };
  }
  return { file, line: 0, col: 0, severity: "error", message: "no [[kv_namespaces]] with binding = \"CONTENT\": nothing was deployed", hint: "see README, \"Deploy\"" };
}
