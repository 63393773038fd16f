/** Status responses (404, 405, 500, 503) as HTML pages in the site's frame when it can be had. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env.ts";
import { layout } from "../views/layout.ts";
import { STATUS_TEXT, bareStatusPage, statusBody, type StatusTextKey } from "../views/status-page.ts";

/** Seconds a reader (or crawler) should wait before retrying after a store fault. */
export const RETRY_AFTER_SECONDS = 60;

export async function statusResponse(c: Context<AppEnv>, status: ContentfulStatusCode, text: StatusTextKey = status): Promise<Response> {
  c.header("Cache-Control", "no-store");
  try {
    const live = await c.get("store")?.current();
    // No `path`: a status page has no canonical address, and the request's path is never echoed.
    if (live) return c.html(layout(live, { title: STATUS_TEXT[text]?.title ?? "Error", body: statusBody(text) }).toString(), status);
  } catch {
    // A damaged or unreachable store: the bare page rather than fail twice.
  }
  return c.html(bareStatusPage(text).toString(), status);
}

/** The answer to a store fault nothing could make up for: 503, retry later, never cached. */
export function unavailableResponse(c: Context<AppEnv>): Promise<Response> {
  c.header("Retry-After", String(RETRY_AFTER_SECONDS));
  return statusResponse(c, 503, "unavailable");
}
