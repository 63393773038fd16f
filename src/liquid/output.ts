/**
 * `{{ … }}` output markup. Only what posts use to build asset links is
 * supported: a quoted string with `relative_url` / `absolute_url` (the site
 * is served from its root, so both give a root-relative path). Anything else
 * needs Jekyll's variables and is reported rather than guessed.
 */
import { escapeAttr } from "../escape/index.ts";
import type { LiquidContext } from "./types.ts";

const LITERAL = /^\s*(?:"([^"]*)"|'([^']*)')\s*((?:\|\s*\w+\s*)*)$/;

export function output(expression: string, ctx: LiquidContext): string {
  const m = LITERAL.exec(expression);
  const filters = m?.[3]?.split("|").map((f) => f.trim()).filter(Boolean) ?? [];
  if (!m || filters.some((f) => f !== "relative_url" && f !== "absolute_url")) {
    ctx.report({ severity: "error", message: `unsupported Liquid output \`{{${expression}}}\``, hint: "only {{ 'path' | relative_url }} is supported; write the value directly" });
    return "";
  }
  const value = (m[1] ?? m[2])!;
  const path = filters.length && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? "/" + value.replace(/^\/+/, "") : value;
  // Output usually lands in an attribute (src="{{ … }}"): escaped for that, which is also safe as text.
  return escapeAttr(path);
}
