/**
 * `{% tabs ID %}{% tab ID NAME %}…{% endtab %}…{% endtabs %}`: jekyll-tabs'
 * markup as al-folio uses it, `<ul class="tab">` (the names) then
 * `<ul class="tab-content">` (one `<li>` per tab, the first `active`).
 * Every tab's content is in the HTML and readable without script; each
 * body stays Markdown in the post's stream. The names are only known at
 * `{% endtabs %}`, so the name list is a deferred fragment.
 */
import { html } from "../../escape/html.ts";
import type { BlockTag, LiquidContext } from "../types.ts";

interface OpenTabs {
  id: string;
  names: string[];
  fill(html: string): void;
}

function stack(ctx: LiquidContext): OpenTabs[] {
  if (!ctx.state.has("tabs")) ctx.state.set("tabs", []);
  return ctx.state.get("tabs") as OpenTabs[];
}

export const tabs: BlockTag = {
  kind: "block",
  name: "tabs",
  open(args, ctx) {
    const id = args.trim();
    const nav = ctx.deferFragment();
    stack(ctx).push({ id, names: [], fill: nav.fill });
    return nav.placeholder + ctx.fragment(html`<ul class="tab-content" data-name="${id}">`.toString());
  },
  close(_args, ctx) {
    const group = stack(ctx).pop();
    if (group) {
      group.fill(html`<ul class="tab" data-name="${group.id}">${group.names.map((name, i) => html`<li${i === 0 ? html` class="active"` : ""}><a href="#${tabId(group.id, name)}">${name}</a></li>`)}</ul>`.toString());
    }
    return ctx.fragment("</ul>");
  },
};

export const tab: BlockTag = {
  kind: "block",
  name: "tab",
  open(args, ctx) {
    const [group, ...rest] = args.trim().split(/\s+/);
    const name = rest.join(" ");
    const open = stack(ctx).at(-1);
    if (!open) {
      ctx.report({ severity: "error", message: "`{% tab %}` outside `{% tabs %}`", hint: "put it between {% tabs ID %} and {% endtabs %}" });
      return "";
    }
    if (group !== open.id) ctx.report({ severity: "warning", message: `\`{% tab ${group ?? ""} … %}\` is inside \`{% tabs ${open.id} %}\``, hint: `write {% tab ${open.id} ${name} %}` });
    open.names.push(name);
    return ctx.fragment(html`<li id="${tabId(open.id, name)}"${open.names.length === 1 ? html` class="active"` : ""}>`.toString());
  },
  close: (_args, ctx) => ctx.fragment("</li>"),
};

/** A stable, id-safe name for a tab, so the name list links to each tab's content. */
function tabId(group: string, name: string): string {
  return `tab-${group}-${name}`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
}
