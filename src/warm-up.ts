/**
 * Render a small representative page once when the isolate starts. V8 compiles
 * the views on first use; doing it at startup, which Workers run before and
 * apart from the first request's CPU budget, keeps a cold isolate's first real
 * render close to a warm one. The page is what a published blob holds: a body
 * the build rendered (src/markdown/stored-document.ts), so Markdown is not
 * compiled here: only blobs of an earlier engine need it.
 */
import { pageFrame } from "./routes/page-views.ts";
import { layout } from "./views/layout.ts";
import type { Live, PostPage } from "./store/types.ts";

const site = { title: "warm-up", description: "", url: "https://warm-up.invalid", author: "", timezone: "UTC", perPage: 5, archivePerPage: 50, feedItems: 20, nav: [], footer: "" };
const live: Live = { version: "warm-up", shards: 1, builtAt: "", site, stylesheet: "/s.css", posts: 1, previous: [] };
const page: PostPage = {
  post: {
    meta: {
      slug: "warm-up", path: "/blog/2000/warm-up/", layout: "post", title: "Warm-up", description: "", date: "2000-01-01T00:00:00+00:00",
      year: "2000", tags: ["a"], categories: [], authors: [{ name: "A", affiliations: [{ name: "B" }] }], toc: { kind: "auto" }, giscusComments: false, featured: false, published: true, relatedPosts: false, extras: {},
    },
    sourceFile: "warm-up.md",
    bodyLine: 1,
  },
  doc: {
    html: '<h2 id="a-heading">A heading</h2>\n<p>A citation<d-cite key="w"></d-cite> and a note.</p>\n',
    headings: [{ depth: 2, text: "A heading", id: "a-heading" }, { depth: 3, text: "Below", id: "below", tocText: "Short" }],
    citations: ["w"],
    footnotes: ['A note with a <a href="https://example.org">link</a>'],
    embeds: [],
    libraries: [],
    diagrams: [],
    csp: {},
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
