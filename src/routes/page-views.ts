/** Which view renders which kind of stored page, and what it contributes to the frame. */
import type { Live, HomePage, ListPage, PostPage, RouteKind } from "../store/types.ts";
import type { PageFrame } from "../views/layout.ts";
import { homePage } from "../views/home-page.ts";
import { listPage } from "../views/list-page.ts";
import { postHead, postPage } from "../views/post-page.ts";
import { distillPage } from "../views/distill-page.ts";
import { renderMarkdown } from "../markdown/pipeline.ts";

export function pageFrame(kind: RouteKind, data: unknown, live: Live, path: string): PageFrame {
  switch (kind) {
    case "home":
      return { path, body: homePage(live.site, data as HomePage) };
    case "list": {
      const page = data as ListPage;
      return { path, title: page.title, body: listPage(page) };
    }
    case "post": {
      const page = data as PostPage;
      const doc = renderMarkdown(page.post.body, page.bibliography ? { bibliography: page.bibliography } : {});
      const view = page.post.meta.layout === "distill" ? distillPage : postPage;
      return {
        path,
        title: page.post.meta.title,
        description: page.post.meta.description,
        head: postHead(live.site, page, doc),
        body: view(live.site, page, doc),
      };
    }
  }
}
