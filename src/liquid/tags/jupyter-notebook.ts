/**
 * `{% jupyter_notebook PATH %}`: a notebook (nbformat 4 JSON under assets/)
 * rendered at build time, no Python needed, inside `<div class="jupyter-notebook">`:
 * Markdown cells through our Markdown pipeline; code cells as fenced code in
 * the kernel's language (so the build highlights them like any fence);
 * outputs: stream and text/plain as preformatted text, image/png and
 * image/jpeg as data: images, text/html as raw HTML (the author's own
 * notebook, trusted like raw HTML in a post). PATH may be a Liquid variable.
 */
import { html } from "../../escape/html.ts";
import type { InlineTag, LiquidContext } from "../types.ts";

interface Output {
  output_type?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}

interface Cell {
  cell_type?: string;
  source?: string | string[];
  outputs?: Output[];
}

interface Notebook {
  cells?: Cell[];
  metadata?: { kernelspec?: { language?: string }; language_info?: { name?: string } };
}

const joined = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join("") : (text ?? ""));

function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const mark = "`".repeat(longest + 1);
  return `${mark}${lang}\n${code.replace(/\n$/, "")}\n${mark}`;
}

function output(out: Output, ctx: LiquidContext): string {
  if (out.output_type === "stream") return ctx.fragment(html`<pre class="jupyter-output">${joined(out.text)}</pre>`.toString());
  const data = out.data ?? {};
  for (const type of ["image/png", "image/jpeg"]) {
    const b64 = joined(data[type]).replace(/\s+/g, "");
    if (b64 && /^[A-Za-z0-9+/]+=*$/.test(b64)) return ctx.fragment(`<img class="jupyter-output" src="data:${type};base64,${b64}" alt="">`);
  }
  if (data["text/html"] !== undefined) return ctx.fragment(`<div class="jupyter-output">${joined(data["text/html"])}</div>`);
  if (data["text/plain"] !== undefined) return ctx.fragment(html`<pre class="jupyter-output">${joined(data["text/plain"])}</pre>`.toString());
  if (out.output_type === "error") return ctx.fragment(html`<pre class="jupyter-output jupyter-error">${(out as { ename?: string }).ename ?? "error"}</pre>`.toString());
  return "";
}

export const jupyterNotebook: InlineTag = {
  kind: "inline",
  name: "jupyter_notebook",
  render(args, ctx) {
    const arg = args.trim();
    const value = /^[A-Za-z_][\w.]*$/.test(arg) && !/\.ipynb$/.test(arg) ? ctx.evaluate(arg) : arg.replace(/^["']|["']$/g, "");
    const path = String(value ?? "").replace(/^\/+/, "");
    const text = ctx.readAsset?.(path);
    if (text === undefined) {
      ctx.report({ severity: "error", message: `\`jupyter_notebook\`: file \`${path || arg}\` not found`, hint: `put the notebook at content/${path || "assets/jupyter/NAME.ipynb"}` });
      return "";
    }
    let notebook: Notebook;
    try {
      notebook = JSON.parse(text) as Notebook;
    } catch (err) {
      ctx.report({ severity: "error", message: `\`jupyter_notebook\`: \`${path}\` is not notebook JSON: ${(err as Error).message}` });
      return "";
    }
    const lang = notebook.metadata?.kernelspec?.language ?? notebook.metadata?.language_info?.name ?? "python";
    const parts: string[] = [];
    for (const cell of notebook.cells ?? []) {
      const source = joined(cell.source);
      if (cell.cell_type === "markdown") parts.push(source);
      else if (cell.cell_type === "code") {
        parts.push(fence(source, /^[\w+#.-]+$/.test(lang) ? lang : ""));
        for (const out of cell.outputs ?? []) parts.push(output(out, ctx));
      } else if (cell.cell_type === "raw") parts.push(ctx.fragment(html`<pre>${source}</pre>`.toString()));
    }
    return `<div class="jupyter-notebook">${ctx.renderMarkdown(parts.filter(Boolean).join("\n\n"))}</div>`;
  },
};
