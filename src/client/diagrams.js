/* global window, document, console */
// Draws the diagram and chart fences of a post in the browser, with the
// libraries the page loaded before this script (each optional). The server's
// <pre><code class="language-X"> stays in the page, hidden once drawn, so
// without JavaScript (or on a library's error) the source is what readers see.
// Dark theme: <html data-theme="dark|light"> if set, else the system setting.
(function () {
  "use strict";
  var theme = document.documentElement.getAttribute("data-theme");
  var dark = theme ? theme === "dark" : window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;

  function each(lang, draw) {
    var blocks = document.querySelectorAll("pre > code.language-" + lang);
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i].parentElement;
      var box = document.createElement("div");
      box.className = "diagram diagram-" + lang;
      pre.after(box);
      try {
        draw(blocks[i].textContent, box);
        pre.hidden = true;
      } catch (err) {
        box.remove();
        console.error("edgefolio: cannot draw " + lang, err);
      }
    }
  }

  if (window.mermaid) {
    window.mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "default" });
    var nodes = [];
    each("mermaid", function (text, box) {
      var pre = document.createElement("pre");
      pre.className = "mermaid";
      pre.textContent = text;
      box.appendChild(pre);
      nodes.push(pre);
    });
    if (nodes.length) window.mermaid.run({ nodes: nodes });
  }
  if (window.Chart) {
    if (dark) window.Chart.defaults.color = "#c9d1d9";
    each("chartjs", function (text, box) {
      var canvas = document.createElement("canvas");
      box.appendChild(canvas);
      new window.Chart(canvas, JSON.parse(text));
    });
  }
  if (window.echarts) {
    each("echarts", function (text, box) {
      box.style.height = "400px";
      window.echarts.init(box, dark ? "dark" : null).setOption(JSON.parse(text));
    });
  }
  if (window.vegaEmbed) {
    each("vega_lite", function (text, box) {
      window.vegaEmbed(box, JSON.parse(text), { actions: false, theme: dark ? "dark" : undefined });
    });
  }
  if (window.Plotly) {
    each("plotly", function (text, box) {
      var spec = JSON.parse(text);
      var layout = spec.layout || {};
      if (dark) layout.template = { layout: { paper_bgcolor: "#0d1117", plot_bgcolor: "#0d1117", font: { color: "#c9d1d9" } } };
      window.Plotly.newPlot(box, spec.data, layout, spec.config);
    });
  }
  if (window.L) {
    each("geojson", function (text, box) {
      box.style.height = "400px";
      var map = window.L.map(box);
      window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19, attribution: "&copy; OpenStreetMap contributors" }).addTo(map);
      var layer = window.L.geoJSON(JSON.parse(text)).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }
  if (window.Diff2HtmlUI) {
    each("diff2html", function (text, box) {
      new window.Diff2HtmlUI(box, text, { drawFileList: true, matching: "lines", outputFormat: "side-by-side", colorScheme: dark ? "dark" : "light" }).draw();
    });
  }
  if (window.pseudocode) {
    each("pseudocode", function (text, box) {
      var pre = document.createElement("pre");
      pre.textContent = text;
      box.appendChild(pre);
      window.pseudocode.renderElement(pre, { lineNumber: true });
    });
  }
})();
