/**
 * Checks of a post body at build time. The cheap ones run before any parser
 * (bodyProblems). Then the render budget: posts render per request at the edge, so the build
 * measures each post's render and refuses one over LIMITS.renderBudgetMs.
 * A first render pays for JIT compilation and the machine may be busy, so a
 * post is over budget only if it stays over when rendered again: the time
 * reported is the best of up to three renders. The verdict is in the process's
 * CPU time, not wall time, so a busy machine does not fail a build; the first
 * render is timed on the wall clock (an upper bound of this thread's CPU time,
 * and free), and only a post over budget by it is measured in CPU time.
 */
import type { RenderProblem } from "../../src/markdown/pipeline.ts";
import { LIMITS } from "../../src/content/limits.ts";
import { bodyLimitProblems } from "../../src/content/limits.ts";
import { unclosedHtmlProblems } from "../../src/content/unclosed-html.ts";
import { undefinedReferenceProblems } from "../../src/content/reference-links.ts";
import { withoutControls } from "../../src/content/front-matter-checks.ts";
import { positionAt } from "../../src/content/error.ts";

/** CPU milliseconds of this process since `since` (wall time would count other processes' load). */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

/** `render()`'s result and its CPU time in milliseconds (best of up to 3 when over `budgetMs`). */
export function timed<T>(render: () => T, budgetMs: number = LIMITS.renderBudgetMs): { result: T; ms: number } {
  let start = process.cpuUsage();
  const result = render();
  let ms = cpuMsSince(start);
  for (let i = 0; i < 2 && ms > budgetMs; i++) {
    start = process.cpuUsage();
    render();
    ms = Math.min(ms, cpuMsSince(start));
  }
  return { result, ms };
}

/**
 * The budget error for a post whose first render took `firstMs` (wall or CPU time), re-measured
 * with `render` (best of three) only when that is over budget; null within it.
 */
export function overBudget(firstMs: number, render: () => unknown, budgetMs: number = LIMITS.renderBudgetMs): RenderProblem | null {
  return firstMs <= budgetMs ? null : budgetProblem(timed(render, budgetMs).ms, budgetMs);
}

/** The error for a render that took `ms`, or null within budget. Line 1 of the body. */
export function budgetProblem(ms: number, budgetMs: number = LIMITS.renderBudgetMs): RenderProblem | null {
  if (ms <= budgetMs) return null;
  return {
    line: 1,
    col: 1,
    severity: "error",
    message: `rendering this post takes ${Math.round(ms)} ms, over the budget of ${budgetMs} ms per render`,
    hint: "every uncached request renders the post: find the slow part (deep nesting, a huge table or list) by halving the body",
  };
}

/** Every cheap check of a body before it is rendered: size, nesting, table width, unclosed raw HTML, undefined reference links. */
export function bodyProblems(body: string): RenderProblem[] {
  const limits = bodyLimitProblems(body);
  // Over the size limit, nothing else is worth scanning.
  if (limits.some((p) => p.message.includes("body is"))) return limits;
  return [...limits, ...unclosedHtmlProblems(body), ...undefinedReferenceProblems(body), ...controlProblems(body)];
}

/** A warning at the first control character: the build leaves them out (bodyText), as no HTML or XML may carry them. */
function controlProblems(body: string): RenderProblem[] {
  const half = new RegExp(LONE_SURROGATE.source).exec(body);
  const surrogate: RenderProblem[] = half ? [{ ...positionAt(body, half.index), severity: "warning", message: "the body holds half of a Unicode surrogate pair, shown as U+FFFD", hint: "retype the character" }] : [];
  const at = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(body);
  if (!at) return surrogate;
  const code = at[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return [...surrogate, { ...positionAt(body, at.index), severity: "warning", message: `the body holds control characters (first: U+${code}), which are left out`, hint: "remove them; they are invisible and invalid in HTML and feeds" }];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The body as stored: without control characters, lone surrogates replaced by U+FFFD (they are not text). */
export function bodyText(body: string): string {
  return withoutControls(body).replace(LONE_SURROGATE, "\uFFFD");
}
