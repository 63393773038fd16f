/**
 * Command-line options shared by `npm start` and `npm run dev`:
 * `--content DIR` (default `content`), `--port N` (else `PORT`, else 8787),
 * `--drafts`, `--persist-to DIR` and `--public-dir DIR` (given to both the
 * build and wrangler dev). Everything else is passed to `wrangler dev` as written.
 */
import { parseArgs } from "node:util";

export interface ServeOptions {
  content: string;
  port: string;
  drafts: boolean;
  /** Local KV persistence (wrangler's `--persist-to`); default `.wrangler/state`. */
  persistTo?: string;
  /** Where the build stages static files (default `public`, wrangler.toml's assets directory). */
  publicDir?: string;
  /** Options for wrangler dev. */
  passThrough: string[];
}

/** Parse `args`; an error message instead when the port is not a number. */
export function parseServeOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeOptions | { error: string } {
  const { values, tokens } = parseArgs({
    args: [...args],
    strict: false,
    tokens: true,
    options: {
      content: { type: "string", default: "content" },
      port: { type: "string" },
      drafts: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      "public-dir": { type: "string" },
    },
  });
  const port = typeof values.port === "string" ? values.port : (env["PORT"] ?? "8787");
  if (!/^\d{1,5}$/.test(port)) return { error: `--port (or PORT) must be a port number, not \`${port}\`` };
  const ours = new Set(["content", "port", "drafts", "persist-to", "public-dir"]);
  const passThrough: string[] = [];
  for (const t of tokens ?? []) {
    if (t.kind === "positional") passThrough.push(t.value);
    else if (t.kind === "option" && !ours.has(t.name)) passThrough.push(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName);
  }
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  const persistTo = str(values["persist-to"]);
  const publicDir = str(values["public-dir"]);
  return {
    content: str(values.content) ?? "content",
    port,
    drafts: values.drafts === true,
    ...(persistTo ? { persistTo } : {}),
    ...(publicDir ? { publicDir } : {}),
    passThrough,
  };
}

/** wrangler dev's arguments for these options (offline, no interactive session). */
export function wranglerDevArgs(o: ServeOptions, entry?: string): string[] {
  return [
    "wrangler", "dev", ...(entry ? [entry] : []), "--port", o.port, "--show-interactive-dev-session=false",
    ...(o.persistTo ? ["--persist-to", o.persistTo] : []),
    ...(o.publicDir ? ["--assets", o.publicDir] : []),
    "--var", `ENGINE_BUILD:dev-${Date.now()}`,
    ...o.passThrough,
  ];
}

/** Environment for wrangler: no telemetry, no update check, no cf fetch (see the shared toolchain notes). */
export function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
}
