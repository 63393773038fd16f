/* global window, document, localStorage, matchMedia */
/**
 * Loaded synchronously in <head>, before the stylesheet, so the first paint
 * already has the reader's theme (no flash). Served as a file from /assets/
 * (the CSP allows no inline script).
 *
 * Sets on <html>: `data-theme="light"|"dark"` (what the page shows: the stored
 * choice, else the OS setting), `data-theme-choice="light"|"dark"|"auto"`, and
 * the class `js` (the stylesheet turns on script-driven behaviour with it).
 * The choice is stored in localStorage under "theme"; absent means auto.
 * Without script, the stylesheet follows prefers-color-scheme instead.
 */
(function () {
  var root = document.documentElement;
  var dark = matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    var choice = null;
    try {
      choice = localStorage.getItem("theme");
    } catch {
      // Storage blocked (privacy settings): follow the OS.
    }
    if (choice !== "light" && choice !== "dark") choice = "auto";
    root.setAttribute("data-theme-choice", choice);
    root.setAttribute("data-theme", choice === "auto" ? (dark.matches ? "dark" : "light") : choice);
  }
  root.classList.add("js");
  apply();
  dark.addEventListener("change", apply);
  // The toggle (site.js) and other tabs change the choice through storage.
  document.addEventListener("edgefolio:theme", apply);
  window.addEventListener("storage", apply);
})();
