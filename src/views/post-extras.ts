/**
 * What a post page adds to the frame besides its own view (post or distill
 * layout): link-preview meta, JSON-LD, and related posts after the article.
 */
import type { SiteConfig } from "../content/types.ts";
import type { PostPage } from "../store/types.ts";
import type { PageFrame } from "./layout.ts";
import { blogPosting } from "./blog-posting.ts";
import { relatedPosts } from "./related-posts.ts";

export function postExtras(site: SiteConfig, page: PostPage): Pick<PageFrame, "social" | "structuredData" | "after"> {
  const related = relatedPosts(page);
  return {
    social: { type: "article", published: page.post.meta.date, ...(page.image ? { image: page.image } : {}) },
    structuredData: blogPosting(site, page),
    ...(related ? { after: related } : {}),
  };
}
