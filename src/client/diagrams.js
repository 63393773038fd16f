/* global window, document, console, MutationObserver, CustomEvent */
// Draws the diagram and chart fences of a post in the browser, with the
// libraries the page loaded before this script (each optional). The server's
// <pre><code class="language-X"> stays in the page, hidden once drawn, so
// without JavaScript (or on a library's error) the source is what readers see.
// Dark theme: <html data-theme="dark|light"> (theme.js) if set, else the
// system setting; when the reader flips the toggle, every diagram whose
// library has a dark theme is drawn again in the new one.
// After mermaid diagrams are drawn, `edgefolio:mermaid-drawn` is dispatched on
// the document (mermaid-zoom.js listens when `mermaid: {zoomable: true}`).
(function () {
  "use strict";
  var root = document.documentElement;
  function isDark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  var dark = isDark();

  /**
   * The fence kinds this page can draw: `draw(text, box)` fills a fresh box;
   * `themed` kinds are drawn again on a theme change (after `clear(box)`);
   * `start`/`finish` run once around each pass (mermaid renders in a batch).
   */
  var kinds = [];
  /** Every box drawn: { kind, text, box }. */
  var drawn = [];

  function drawInto(kind, text, pre) {
    var box = document.createElement("div");
    box.className = "diagram diagram-" + kind.lang;
    pre.after(box);
    try {
      kind.draw(text, box);
      pre.hidden = true;
      return box;
    } catch (err) {
      box.remove();
      console.error("edgefolio: cannot draw " + kind.lang, err);
      return null;
    }
  }

  function firstPass(kind) {
    if (kind.start) kind.start();
    var blocks = document.querySelectorAll("pre > code.language-" + kind.lang);
    for (var i = 0; i < blocks.length; i++) {
      var text = blocks[i].textContent;
      var box = drawInto(kind, text, blocks[i].parentElement);
      if (box) drawn.push({ kind: kind, text: text, box: box });
    }
    if (kind.finish) kind.finish();
  }

  // A theme change: the themed diagrams are drawn again, each in a new box (no library state carried over).
  function redraw() {
    var now = isDark();
    if (now === dark) return;
    dark = now;
    kinds.forEach(function (kind) {
      if (!kind.themed) return;
      if (kind.start) kind.start();
      drawn.forEach(function (d) {
        if (d.kind !== kind) return;
        if (kind.clear) kind.clear(d.box);
        var old = d.box;
        var box = drawInto(kind, d.text, old);
        old.remove();
        if (box) d.box = box;
      });
      if (kind.finish) kind.finish();
    });
  }

  if (window.mermaid) {
    var nodes = [];
    kinds.push({
      lang: "mermaid",
      themed: true,
      start: function () {
        nodes = [];
        window.mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "default" });
      },
      draw: function (text, box) {
        var pre = document.createElement("pre");
        pre.className = "mermaid";
        pre.textContent = text;
        box.appendChild(pre);
        nodes.push(pre);
      },
      finish: function () {
        if (!nodes.length) return;
        var drawnNow = nodes;
        window.mermaid.run({ nodes: drawnNow }).then(function () {
          document.dispatchEvent(new CustomEvent("edgefolio:mermaid-drawn", { detail: { nodes: drawnNow } }));
        }, function (err) {
          console.error("edgefolio: cannot draw mermaid", err);
        });
      },
    });
  }
  if (window.Chart) {
    kinds.push({
      lang: "chartjs",
      themed: true,
      start: function () {
        // Chart.js' own default text colour in light.
        window.Chart.defaults.color = dark ? "#c9d1d9" : "#666";
        window.Chart.defaults.borderColor = dark ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.1)";
      },
      draw: function (text, box) {
        var canvas = document.createElement("canvas");
        box.appendChild(canvas);
        new window.Chart(canvas, JSON.parse(text));
      },
      clear: function (box) {
        var chart = window.Chart.getChart(box.querySelector("canvas"));
        if (chart) chart.destroy();
      },
    });
  }
  if (window.echarts) {
    kinds.push({
      lang: "echarts",
      themed: true,
      draw: function (text, box) {
        box.style.height = "400px";
        window.echarts.init(box, dark ? "dark" : null).setOption(JSON.parse(text));
      },
      clear: function (box) {
        var chart = window.echarts.getInstanceByDom(box);
        if (chart) chart.dispose();
      },
    });
  }
  if (window.vegaEmbed) {
    kinds.push({
      lang: "vega_lite",
      themed: true,
      draw: function (text, box) {
        var spec = JSON.parse(text);
        window.vegaEmbed(box, spec, { actions: false, theme: dark ? "dark" : undefined }).then(function (result) {
          box.vegaResult = result;
        }, function (err) {
          console.error("edgefolio: cannot draw vega_lite", err);
        });
      },
      clear: function (box) {
        if (box.vegaResult) box.vegaResult.finalize();
      },
    });
  }
  if (window.Plotly) {
    kinds.push({
      lang: "plotly",
      themed: true,
      draw: function (text, box) {
        var spec = JSON.parse(text);
        var layout = spec.layout || {};
        if (dark) layout.template = { layout: { paper_bgcolor: "#0d1117", plot_bgcolor: "#0d1117", font: { color: "#c9d1d9" } } };
        window.Plotly.newPlot(box, spec.data, layout, spec.config);
      },
      clear: function (box) {
        window.Plotly.purge(box);
      },
    });
  }
  if (window.L) {
    // Map tiles have no dark variant here: drawn once.
    kinds.push({
      lang: "geojson",
      draw: function (text, box) {
        box.style.height = "400px";
        var map = window.L.map(box);
        window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19, attribution: "&copy; OpenStreetMap contributors" }).addTo(map);
        var layer = window.L.geoJSON(JSON.parse(text)).addTo(map);
        map.fitBounds(layer.getBounds());
      },
    });
  }
  if (window.Diff2HtmlUI) {
    kinds.push({
      lang: "diff2html",
      themed: true,
      draw: function (text, box) {
        new window.Diff2HtmlUI(box, text, { drawFileList: true, matching: "lines", outputFormat: "side-by-side", colorScheme: dark ? "dark" : "light" }).draw();
      },
    });
  }
  if (window.pseudocode) {
    // Drawn in the text colour (CSS): nothing to redo on a theme change.
    kinds.push({
      lang: "pseudocode",
      draw: function (text, box) {
        var pre = document.createElement("pre");
        // al-folio's convention (its pseudocode sample post): math is written $$…$$ where pseudocode.js
        // documents $…$, as kramdown would otherwise take a single $; pseudocode.js itself reads $…$.
        pre.textContent = text.replace(/\$\$/g, "$");
        box.appendChild(pre);
        window.pseudocode.renderElement(pre, { lineNumber: true });
      },
    });
  }

  kinds.forEach(firstPass);
  if (kinds.some(function (k) { return k.themed; })) {
    new MutationObserver(redraw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  }
})();
