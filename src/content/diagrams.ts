/**
 * Diagram and chart fences, as al-folio has them: the fence language, the
 * front-matter key that enables its client library (al-folio's keys), and the
 * library (scripts/lib/client-assets.ts) a page loads when both are present.
 * Shared by the build (warnings for a fence whose key is missing) and the
 * worker (which libraries a page links).
 */

export interface DiagramKind {
  /**
   * Name of the client library (see LIBRARIES in scripts/lib/client-assets.ts);
   * empty when there is none to load: typograms are drawn as SVG by the
   * build (scripts/lib/render/typograms.ts), so the page needs no script.
   */
  library: string;
  /** The front matter to add, as the build's warning shows it. */
  flag: string;
  enabled(extras: Record<string, unknown>): boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const chart = (name: string) => (x: Record<string, unknown>) => isRecord(x["chart"]) && x["chart"][name] === true;
const flag = (name: string) => (x: Record<string, unknown>) => x[name] === true;

export const DIAGRAMS: Record<string, DiagramKind> = {
  mermaid: { library: "mermaid", flag: "mermaid: {enabled: true}", enabled: (x) => isRecord(x["mermaid"]) && x["mermaid"]["enabled"] === true },
  chartjs: { library: "chartjs", flag: "chart: {chartjs: true}", enabled: chart("chartjs") },
  echarts: { library: "echarts", flag: "chart: {echarts: true}", enabled: chart("echarts") },
  vega_lite: { library: "vega_lite", flag: "chart: {vega_lite: true}", enabled: chart("vega_lite") },
  plotly: { library: "plotly", flag: "chart: {plotly: true}", enabled: chart("plotly") },
  geojson: { library: "leaflet", flag: "map: true", enabled: flag("map") },
  diff2html: { library: "diff2html", flag: "code_diff: true", enabled: flag("code_diff") },
  typograms: { library: "", flag: "typograms: true", enabled: flag("typograms") },
  pseudocode: { library: "pseudocode", flag: "pseudocode: true", enabled: flag("pseudocode") },
};

/** Fence languages that are diagrams: never highlighted, kept as al-folio's `<pre><code class="language-X">`. */
export const DIAGRAM_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(DIAGRAMS));

/**
 * The libraries a post loads: those of the diagram languages it uses whose
 * key is set (and `mermaid-zoom` with `mermaid: {zoomable: true}`), then `diagrams` (the start-up script that draws them), and the
 * languages used whose key is missing (the build warns about each).
 */
export function diagramLibraries(extras: Record<string, unknown>, languages: Iterable<string>): { libraries: string[]; missing: string[] } {
  const libraries: string[] = [];
  const missing: string[] = [];
  for (const lang of new Set(languages)) {
    const kind = Object.hasOwn(DIAGRAMS, lang) ? DIAGRAMS[lang]! : undefined;
    if (!kind) continue;
    if (kind.enabled(extras)) {
      if (kind.library) libraries.push(kind.library);
    } else missing.push(lang);
  }
  // al-folio's `mermaid: {enabled: true, zoomable: true}`: the diagrams can be zoomed and panned.
  if (libraries.includes("mermaid") && isRecord(extras["mermaid"]) && extras["mermaid"]["zoomable"] === true) libraries.push("mermaid-zoom");
  if (libraries.length) libraries.push("diagrams");
  return { libraries, missing };
}
