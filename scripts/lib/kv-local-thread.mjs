/**
 * The Miniflare of local KV (kv-local.ts), run in a worker thread: importing
 * Miniflare (0.4–2 s of CPU, by load) and its side of every KV request then
 * run on another core, beside the build, instead of holding up the main
 * thread. Plain JavaScript, so the thread needs no TypeScript loader.
 *
 * workerData: Miniflare's options. Posts {ready: true} or {error} once, then
 * answers each {id, path, body} (a request to the KV worker: path and query,
 * body text or undefined for a GET) with {id, ok, text}; {dispose: true}
 * stops Miniflare and ends the thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Miniflare } from "miniflare";

const port = parentPort;
const message = (err) => String((err && err.stack) || err);

let mf;
try {
  mf = new Miniflare(workerData);
  await mf.ready;
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ error: message(err) });
}

port.on("message", async (msg) => {
  if (msg.dispose) {
    await mf?.dispose().catch(() => {});
    port.close();
    return;
  }
  try {
    const res = await mf.dispatchFetch(`http://local-kv${msg.path}`, msg.body === undefined ? {} : { method: "POST", body: msg.body });
    port.postMessage({ id: msg.id, ok: res.ok, text: await res.text() });
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, text: message(err) });
  }
});
