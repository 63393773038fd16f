/* global document */
// `mermaid: {enabled: true, zoomable: true}` (al-folio's key): each drawn
// mermaid diagram can be zoomed with the wheel (or a pinch) around the
// pointer and panned by dragging; a double click shows it whole again.
// al-folio does this with d3-zoom; here it is the SVG's own viewBox, changed
// by a few lines, so no second library is loaded. Runs after diagrams.js has
// drawn (and redrawn, on a theme change) the diagrams.
(function () {
  "use strict";
  var MAX_ZOOM = 8;

  function zoomable(svg) {
    var base = svg.viewBox && svg.viewBox.baseVal;
    if (!base || !base.width || !base.height || svg.hasAttribute("data-zoomable-diagram")) return;
    svg.setAttribute("data-zoomable-diagram", "");
    var home = { x: base.x, y: base.y, w: base.width, h: base.height };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    }
    // The diagram point under a screen point (the viewBox keeps its aspect, centred: preserveAspectRatio's default).
    function toDiagram(clientX, clientY) {
      var r = svg.getBoundingClientRect();
      var scale = Math.max(view.w / r.width, view.h / r.height);
      return { x: view.x + (clientX - r.left - r.width / 2) * scale + view.w / 2, y: view.y + (clientY - r.top - r.height / 2) * scale + view.h / 2, scale: scale };
    }
    function zoomAt(clientX, clientY, factor) {
      var w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, view.w * factor));
      var k = w / view.w;
      var p = toDiagram(clientX, clientY);
      view.x = p.x - (p.x - view.x) * k;
      view.y = p.y - (p.y - view.y) * k;
      view.w = w;
      view.h = view.h * k;
      apply();
    }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoomAt(e.clientX, e.clientY, Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)));
    }, { passive: false });

    var pointers = {};
    var pinch = 0;
    function distance() {
      var ids = Object.keys(pointers);
      if (ids.length < 2) return 0;
      var a = pointers[ids[0]];
      var b = pointers[ids[1]];
      return Math.hypot(a.x - b.x, a.y - b.y);
    }
    svg.addEventListener("pointerdown", function (e) {
      svg.setPointerCapture(e.pointerId);
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
      pinch = distance();
    });
    svg.addEventListener("pointermove", function (e) {
      var last = pointers[e.pointerId];
      if (!last) return;
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        var scale = toDiagram(e.clientX, e.clientY).scale;
        view.x -= (e.clientX - last.x) * scale;
        view.y -= (e.clientY - last.y) * scale;
        apply();
      }
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
      if (ids.length === 2) {
        var now = distance();
        if (pinch && now) zoomAt((pointers[ids[0]].x + pointers[ids[1]].x) / 2, (pointers[ids[0]].y + pointers[ids[1]].y) / 2, pinch / now);
        pinch = now;
      }
    });
    function release(e) {
      delete pointers[e.pointerId];
      pinch = distance();
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("dblclick", function () {
      view = { x: home.x, y: home.y, w: home.w, h: home.h };
      apply();
    });
  }

  document.addEventListener("edgefolio:mermaid-drawn", function (e) {
    e.detail.nodes.forEach(function (node) {
      var svg = node.querySelector("svg");
      if (svg) zoomable(svg);
    });
  });
})();
