/**
 * The worker as `npm run dev` runs it (`wrangler dev src/dev/entry.ts`): the
 * production app unchanged, plus, on HTML responses, one same-origin script
 * tag that reloads the page when a new version goes live and shows build
 * errors as an overlay (src/dev/client.ts), and the endpoints that script
 * reads. src/index.ts never imports this file, so no deployed page carries
 * the script (the CLI and worker tests check both sides).
 *
 * The dev process publishes to local KV and writes the last build's errors
 * under DEV_STATUS_KEY; this worker learns of both by reading KV, so it needs
 * no other channel to the dev process.
 */
import { Hono } from "hono";
import { app } from "../app.ts";
import { warmUp } from "../warm-up.ts";
import { html } from "../escape/html.ts";
import { securityHeaders } from "../security/headers.ts";
import type { Env } from "../env.ts";
import { DEV_CLIENT, DEV_CLIENT_PATH, DEV_EVENTS_PATH, DEV_STATUS_PATH } from "./client.ts";
import { devState } from "./status.ts";

warmUp();

/** How often an open event stream reads KV, and how long before it ends (the browser reconnects). */
const POLL_MS = 100;
const STREAM_MS = 5 * 60_000;

const DEV_PREFIX = "/__edgefolio/dev/";

const dev = new Hono<{ Bindings: Env }>()
  .use(securityHeaders())
  .get(DEV_CLIENT_PATH, (c) => c.body(DEV_CLIENT, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" }))
  .get(DEV_STATUS_PATH, async (c) => c.json(await devState(c.env.CONTENT), 200, { "Cache-Control": "no-store" }))
  .get(DEV_EVENTS_PATH, (c) => eventStream(c.env.CONTENT));

/**
 * Server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * the state (DevState as JSON) when the stream opens and whenever it changes.
 */
function eventStream(kv: KVNamespace): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const send = (text: string) => writer.write(encoder.encode(text));
  void (async () => {
    let last = "";
    const end = Date.now() + STREAM_MS;
    try {
      await send("retry: 300\n\n");
      for (let tick = 0; Date.now() < end; tick++) {
        // A failed KV read (the dev process writing at that moment) skips a tick; it must not end the loop
        // and leave the stream open and silent, which the browser would never reconnect.
        const state = await devState(kv).then(JSON.stringify, () => last);
        if (state !== last) await send(`data: ${state}\n\n`);
        else if (tick % 100 === 0) await send(": still here\n\n");
        last = state;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch {
      // The page was closed or reloaded: nobody to tell.
    }
    // Ended either way: an open page reconnects (retry) and compares versions again.
    await writer.close().catch(() => undefined);
  })();
  return new Response(readable, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store" } });
}

/** An HTML response with the dev script in its head, never kept by the browser (every reload shows the latest). */
async function withClient(res: Response, kv: KVNamespace): Promise<Response> {
  if (!(res.headers.get("Content-Type") ?? "").startsWith("text/html")) return res;
  const { version } = await devState(kv);
  const tag = html`<script src="${DEV_CLIENT_PATH}" data-version="${version ?? ""}" defer></script>`.toString();
  const out = new HTMLRewriter().on("head", { element: (head) => void head.append(tag, { html: true }) }).transform(res);
  const headers = new Headers(out.headers);
  headers.set("Cache-Control", "no-store");
  headers.delete("ETag");
  return new Response(out.body, { status: out.status, statusText: out.statusText, headers });
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(DEV_PREFIX)) return dev.fetch(request, env, ctx);
    return withClient(await app.fetch(request, env, ctx), env.CONTENT);
  },
} satisfies ExportedHandler<Env>;
