/** Error pages: in the site's frame when a version is live, plain otherwise. Never a stack trace. */
import { html, type SafeHtml } from "../escape/html.ts";

/** Which text a status page shows: by status code, or a named case of one. */
export type StatusTextKey = number | "unavailable";

export const STATUS_TEXT: Record<StatusTextKey, { title: string; message: string }> = {
  404: { title: "Page not found", message: "There is no page at this address. It may have moved, or the link may be mistyped." },
  405: { title: "Method not allowed", message: "This site only answers GET and HEAD requests." },
  500: { title: "Something went wrong", message: "The page could not be rendered. Please try again in a moment." },
  503: { title: "Nothing published yet", message: "This site has no published content yet. Run `npm run build` to publish it." },
  // A 503 for a store fault with no copy to fall back on.
  unavailable: { title: "Temporarily unavailable", message: "This page cannot be read right now. Please try again in a minute." },
};

export function statusBody(status: StatusTextKey): SafeHtml {
  const text = STATUS_TEXT[status] ?? STATUS_TEXT[500]!;
  return html`<section class="status-page">
<h1>${text.title}</h1>
<p>${text.message}</p>
<p><a href="/">Go to the home page</a></p>
</section>`;
}

/** A standalone page for when no site frame is available (nothing published). */
export function bareStatusPage(status: StatusTextKey): SafeHtml {
  const text = STATUS_TEXT[status] ?? STATUS_TEXT[500]!;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title></head>
<body>${statusBody(status)}</body></html>
`;
}
