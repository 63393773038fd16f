/* global window, document, getComputedStyle, MutationObserver */
// `zoomable=true` figures (`<img data-zoomable>`, al-folio's markup): a click
// zooms the picture over the page with medium-zoom, as on al-folio. The
// overlay takes the page's background, and follows the theme toggle. Without
// script the picture is simply shown at its size in the column.
"use strict";
(function () {
  if (!window.mediumZoom) return;
  var root = document.documentElement;
  // al-folio's overlay: the page's background, nearly opaque (its computed colour is `rgb(r, g, b)`).
  function background() {
    var rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(root).backgroundColor);
    return rgb ? "rgba(" + rgb[1] + ", " + rgb[2] + ", " + rgb[3] + ", 0.93)" : "rgba(255, 255, 255, 0.93)";
  }
  var zoom = window.mediumZoom("[data-zoomable]", { background: background(), margin: 24 });
  new MutationObserver(function () {
    zoom.update({ background: background() });
  }).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
})();
