/**
 * Command-line options shared by `npm start` and `npm run dev`:
 * `--content DIR` (default `content`), `--port N` (else `PORT`, else 8787),
 * `--drafts`, `--persist-to DIR` and `--public-dir DIR` (given to both the
 * build and wrangler dev). Everything else is passed to `wrangler dev` as written.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { editDistance } from "../../src/markdown/locate-citations.ts";

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

const OURS = ["content", "port", "drafts", "persist-to", "public-dir"];

/** wrangler dev's own options near one of ours in spelling (`--host` is two letters from `--port`): never taken for typos. */
const WRANGLER_NEAR_OURS = new Set(["host", "ip", "env", "var", "site", "test-scheduled", "persist", "log-level", "routes", "remote", "local", "name", "config"]);

/**
 * Parse `args`; an error message instead when the port is not a number, or
 * when an option is a likely typo of one of ours (`--contnet`): passed on, it
 * would fail in wrangler only after a build had published the wrong folder.
 */
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
  const ours = new Set(OURS);
  const passThrough: string[] = [];
  for (const t of tokens ?? []) {
    if (t.kind === "positional") passThrough.push(t.value);
    else if (t.kind === "option" && !ours.has(t.name)) {
      const meant = WRANGLER_NEAR_OURS.has(t.name) ? undefined : OURS.find((o) => editDistance(t.name, o, 2) <= Math.min(2, o.length - 2));
      if (meant) return { error: `unknown option \`${t.rawName}\`: did you mean \`--${meant}\`? (nothing was built)` };
      passThrough.push(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName);
    }
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

/**
 * Start `wrangler dev` with these arguments (wranglerDevArgs) as a child of
 * this process, in a process group of its own: wrangler's script runs a
 * second Node and workerd under it, and a signal to wrangler's first process
 * alone left them serving (as did `npx`, whose `npm exec` passes no SIGTERM
 * on). SIGINT and SIGTERM sent to this process go to the whole group, and the
 * group is stopped when this process exits or its parent does (a stopped `npm start`). stdin is not given: a process
 * group in the background of a terminal must not read it.
 */
export function spawnWranglerDev(args: readonly string[]): ChildProcess {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
  const child = spawn(process.execPath, [bin, ...args.slice(args[0] === "wrangler" ? 1 : 0)], { stdio: ["ignore", "inherit", "inherit"], env: wranglerEnv(), detached: true });
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, sig);
    } catch {
      // The group is gone already.
    }
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => signal(sig));
  process.on("exit", () => signal("SIGTERM"));
  // `kill <npm pid>`: npm exits without passing the signal on, and this process is re-parented.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && signal("SIGTERM"), 1000).unref();
  return child;
}
