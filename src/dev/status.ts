/**
 * What `npm run dev` tells open pages (src/dev/entry.ts, src/dev/client.ts):
 * the live version and the errors of the last build. The dev process writes
 * the build's half to local KV under DEV_STATUS_KEY after every build; a
 * deploy never writes it, and the production worker never reads it.
 */
import { LIVE_KEY } from "../store/keys.ts";
import { isLive } from "../store/validate.ts";

/** Local KV key of the last dev build's outcome (JSON `DevBuild`). */
export const DEV_STATUS_KEY = "dev/status";

/** A located build error, as the overlay shows it (`file:line:col`, message, hint). */
export interface DevProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
}

/** Written by the dev process after each build. */
export interface DevBuild {
  /** Errors of the last build; empty when it published (the overlay hides). */
  errors: DevProblem[];
  /** When that build finished, ms since the epoch (tells two failed builds apart). */
  at: number;
}

/** What a page's script receives: the live version (null before a first publish) and the last build's errors. */
export interface DevState extends DevBuild {
  version: string | null;
}

const isProblem = (p: unknown): p is DevProblem => {
  const o = p as Record<string, unknown> | null;
  return !!o && typeof o["file"] === "string" && typeof o["line"] === "number" && typeof o["col"] === "number" && typeof o["message"] === "string";
};

/** Read both halves from KV; anything unreadable counts as absent (a dev aid never throws). */
export async function devState(kv: KVNamespace): Promise<DevState> {
  const [live, build] = await Promise.all([kv.get(LIVE_KEY), kv.get(DEV_STATUS_KEY)]);
  const parse = (text: string | null): unknown => {
    try {
      return text === null ? null : (JSON.parse(text) as unknown);
    } catch {
      return null;
    }
  };
  const pointer = parse(live);
  const status = parse(build) as Partial<DevBuild> | null;
  const errors = Array.isArray(status?.errors) ? status.errors.filter(isProblem) : [];
  return {
    version: isLive(pointer) ? pointer.version : null,
    errors: errors.map(({ file, line, col, message, hint }) => ({ file, line, col, message, ...(typeof hint === "string" ? { hint } : {}) })),
    at: typeof status?.at === "number" ? status.at : 0,
  };
}
