/** Status responses (404, 405, 500, 503) as HTML pages in the site's frame when it can be had. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env.ts";
import { layout } from "../views/layout.ts";
import { STATUS_TEXT, bareStatusPage, statusBody } from "../views/status-page.ts";

export async function statusResponse(c: Context<AppEnv>, status: ContentfulStatusCode): Promise<Response> {
  let live = null;
  try {
    live = await c.get("store")?.current();
  } catch {
    // KV unreachable: fall back to the bare page rather than fail twice.
  }
  c.header("Cache-Control", "no-store");
  if (!live) return c.html(bareStatusPage(status).toString(), status);
  // No `path`: a status page has no canonical address, and the request's path is never echoed.
  const frame = { title: STATUS_TEXT[status]?.title ?? "Error", body: statusBody(status) };
  return c.html(layout(live, frame).toString(), status);
}
