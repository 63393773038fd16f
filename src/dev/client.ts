/**
 * The page script of `npm run dev` (served by src/dev/entry.ts at
 * DEV_CLIENT_PATH, same origin, so the pages' CSP `script-src 'self'` and
 * `connect-src 'self'` allow it without exceptions). It listens to the event
 * stream: a new live version reloads the page; errors of the last build show
 * as an overlay (file:line:col, message, hint) over the last good page,
 * built with DOM calls and textContent only (messages are data) and styled
 * through CSSOM (no style attribute for the CSP to refuse).
 *
 * Plain ES2019 in a string: it is sent as written, never bundled.
 */
export const DEV_CLIENT_PATH = "/__edgefolio/dev/client.js";
export const DEV_EVENTS_PATH = "/__edgefolio/dev/events";
export const DEV_STATUS_PATH = "/__edgefolio/dev/status";

export const DEV_CLIENT = `"use strict";
(function () {
  var script = document.currentScript;
  // The version this page was rendered from (the dev worker writes it on the tag).
  var shown = script && script.getAttribute("data-version");
  var box = null;
  function hide() {
    if (box) box.remove();
    box = null;
  }
  function show(errors) {
    hide();
    box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.id = "edgefolio-dev-overlay";
    Object.assign(box.style, {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
      background: "rgba(20, 20, 24, 0.94)", color: "#f4f4f5", font: "14px/1.5 ui-monospace, monospace",
    });
    var title = document.createElement("h2");
    title.textContent = errors.length === 1 ? "1 build error: the last good version is shown" : errors.length + " build errors: the last good version is shown";
    Object.assign(title.style, { color: "#fca5a5", font: "bold 16px/1.4 ui-monospace, monospace", margin: "0 0 1rem" });
    box.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("pre");
      Object.assign(item.style, { whiteSpace: "pre-wrap", margin: "0 0 1rem" });
      var where = document.createElement("strong");
      where.textContent = e.file + ":" + e.line + ":" + e.col + ": ";
      item.appendChild(where);
      item.appendChild(document.createTextNode("error: " + e.message + (e.hint ? "\\n  hint: " + e.hint : "")));
      box.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close (the overlay comes back with the next failed build)";
    close.addEventListener("click", hide);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  function connect() {
    var events = new EventSource("${DEV_EVENTS_PATH}");
    events.onmessage = function (message) {
      var state = JSON.parse(message.data);
      if (state.errors.length) return show(state.errors);
      hide();
      if (state.version && state.version !== shown) location.reload();
    };
    // The browser retries a dropped stream by itself, but gives up on an error response
    // (wrangler dev reloading, say): start over then.
    events.onerror = function () {
      if (events.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }
  connect();
})();
`;
