/**
 * Render a small representative page once when the isolate starts. V8 compiles
 * marked's tokenizer and the views on first use (~20 ms); doing it at startup,
 * which Workers run before and apart from the first request's CPU budget,
 * keeps a cold isolate's first real render close to a warm one.
 */
import { pageFrame } from "./routes/page-views.ts";
import { layout } from "./views/layout.ts";
import type { Live, PostPage } from "./store/types.ts";

const BODY = `## A heading with *emphasis*

A paragraph with a [link](https://example.org), **bold**, \`code\` and a [reference][ref].

- a list item
- another, with _emphasis_

1. ordered

> A quotation.

| a | b |
| - | - |
| 1 | 2 |

\`\`\`python
print("hello")
\`\`\`

<div class="row"><div class="col-sm">raw HTML</div></div>

<!-- a comment -->

A citation<d-cite key="w"></d-cite> and a note<d-footnote>with a <a href="https://example.org">link</a></d-footnote>.

{% details Summary %}
- {% include figure.liquid path="assets/w.png" class="img-fluid" %}
{% enddetails %}

{% twitter https://twitter.com/x/status/1 %}

[ref]: https://example.org/ref
`;

const site = { title: "warm-up", description: "", url: "https://warm-up.invalid", author: "", timezone: "UTC", perPage: 5, archivePerPage: 50, feedItems: 20, nav: [], footer: "" };
const live: Live = { version: "warm-up", shards: [], builtAt: "", site, stylesheet: "/s.css", posts: 1, previous: [] };
const page: PostPage = {
  post: {
    meta: {
      slug: "warm-up", path: "/blog/2000/warm-up/", layout: "post", title: "Warm-up", description: "", date: "2000-01-01T00:00:00+00:00",
      year: "2000", tags: ["a"], categories: [], authors: [{ name: "A", affiliations: [{ name: "B" }] }], toc: { kind: "auto" }, giscusComments: false, featured: false, published: true, relatedPosts: false, extras: {},
    },
    body: BODY,
    sourceFile: "warm-up.md",
    bodyLine: 1,
  },
  bibliography: { w: { key: "w", type: "article", title: "Warm", authors: ["A B"], venue: "V", year: "2000", doi: "10.1/w" } },
};

/** Renders the page in each layout; returns the output size so the work cannot be optimised away. */
export function warmUp(): number {
  let bytes = 0;
  for (const name of ["post", "distill"] as const) {
    const post = { ...page, post: { ...page.post, meta: { ...page.post.meta, layout: name } } };
    bytes += layout(live, pageFrame("post", post, live, post.post.meta.path)).toString().length;
  }
  return bytes;
}
