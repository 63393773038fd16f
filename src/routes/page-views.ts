/** Which view renders which kind of stored page, and what it contributes to the frame. */
import type { Live, HomePage, ListPage, PageKind, PostPage } from "../store/types.ts";
import type { PageFrame } from "../views/layout.ts";
import { homePage } from "../views/home-page.ts";
import { listPage } from "../views/list-page.ts";
import { postHead, postPage } from "../views/post-page.ts";
import { distillPage } from "../views/distill-page.ts";
import { postExtras } from "../views/post-extras.ts";
import { libraryTags } from "../views/client-libraries.ts";
import { postLibraries } from "../views/post-libraries.ts";
import { diagramLibraries } from "../content/diagrams.ts";
import { html } from "../escape/html.ts";
import { postSources } from "../views/post-sources.ts";

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
      // Blobs of an earlier engine get their document first (src/routes/legacy-posts.ts).
      if (!page.doc) throw new Error(`post blob without a stored document: ${path}`);
      const { csp, ...stored } = page.doc;
      const doc = { ...stored, problems: [] };
      const view = page.post.meta.layout === "distill" ? distillPage : postPage;
      return {
        ...postExtras(live.site, page),
        path,
        title: page.post.meta.title,
        description: page.post.meta.description,
        head: html`${postHead(live.site, page, doc)}${libraryTags(live.libraries, [...doc.libraries, ...diagramLibraries(page.post.meta.extras, doc.diagrams.map((d) => d.lang)).libraries, ...postLibraries(page.post.meta, doc.embeds)])}`,
        body: view(live.site, page, doc),
        csp: postSources(live.site, page, doc, csp),
      };
    }
  }
}
