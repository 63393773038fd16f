/** Run the real build (in Node) on a site of given posts; their problems as `file-name:line: severity: message`. */
import { buildSite, type BuildResult, type ContentSource } from "../../scripts/lib/build-site.ts";

export const POST_FILE = "content/posts/2024-01-03-x.md";

export async function buildPosts(posts: Record<string, string>): Promise<{ result: BuildResult; problems: string[] }> {
  const source: ContentSource = {
    site: { file: "content/site.yml", text: "title: T\nurl: https://t.example\ntimezone: UTC\n" },
    posts: Object.entries(posts).map(([name, text]) => ({ file: `content/posts/${name}`, text })),
    bibliographies: [],
    assets: [],
    stylesheet: "/assets/edgefolio/style.0123456789.css",
  };
  const result = await buildSite(source, { now: new Date("2026-01-01T00:00:00Z") });
  const problems = result.problems.filter((p) => p.file.startsWith("content/posts/")).map((p) => `${p.file.slice("content/posts/".length)}:${p.line}: ${p.severity}: ${p.message}`);
  return { result, problems };
}

/** Problems of one post file (2024-01-03-x.md) as `line: severity: message`. */
export async function buildPost(text: string): Promise<string[]> {
  const { problems } = await buildPosts({ "2024-01-03-x.md": text });
  return problems.map((p) => p.replace(/^2024-01-03-x\.md:/, ""));
}
