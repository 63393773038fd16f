/** Which view renders which kind of stored page, and what it contributes to the frame. */
import type { Live, HomePage, ListPage, PageKind, PostPage } from "../store/types.ts";
import type { PageFrame } from "../views/layout.ts";
import { homePage } from "../views/home-page.ts";
import { listPage } from "../views/list-page.ts";
import { postHead, postPage } from "../views/post-page.ts";
import { renderMarkdown } from "../markdown/pipeline.ts";
import { blogPosting } from "../views/blog-posting.ts";
import { relatedPosts } from "../views/related-posts.ts";
import { html } from "../escape/html.ts";

export function pageFrame(kind: PageKind, data: unknown, live: Live, path: string): PageFrame {
  switch (kind) {
    case "home":
      return { path, body: homePage(live.site, data as HomePage) };
    case "list": {
      const page = data as ListPage;
      const feeds = page.feed ? { title: `${live.site.title}: ${page.title}`, ...page.feed } : undefined;
      return { path, title: page.title, body: listPage(page), ...(feeds ? { feeds } : {}) };
    }
    case "post": {
      const page = data as PostPage;
      const doc = renderMarkdown(page.post.body);
      return {
        path,
        title: page.post.meta.title,
        description: page.post.meta.description,
        head: postHead(page),
        // After the article, whichever layout rendered it (post or distill).
        body: html`${postPage(page, doc)}
${relatedPosts(page)}`,
        social: { type: "article", published: page.post.meta.date, ...(page.image ? { image: page.image } : {}) },
        structuredData: blogPosting(live.site, page),
      };
    }
  }
}
