import { escapeAttr, escapeUrl } from "./index.ts";

/** A string already known to be safe HTML. Only `raw()` and `html``…`` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Mark trusted HTML (a rendered post body) so `html` inserts it unescaped. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeAttr(value);
}

/**
 * Tagged template for views: every interpolated value is escaped unless it is
 * SafeHtml; arrays are joined; null/undefined/false render nothing. Quotes are
 * escaped too, so one rule is safe in text and in quoted attributes. URLs in
 * href/src go through `url()` so a `javascript:` scheme cannot get in.
 *
 * @example html`<a href="${url(post.url)}">${post.title}</a>${raw(body)}`
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** A URL for an href/src attribute: scheme-checked and attribute-escaped. */
export function url(value: string): SafeHtml {
  return new SafeHtml(escapeUrl(value));
}
