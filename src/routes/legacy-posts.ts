/**
 * Post blobs published before the build stored the rendered body
 * (src/markdown/stored-document.ts) hold the Markdown body instead: such a
 * blob gets its document here, per request, with the build's own function.
 * The Markdown pipeline (marked, its extensions, their regular expressions)
 * is imported only then, so an isolate serving current blobs never
 * evaluates it: that halves the worker's start-up CPU.
 */
import type { PageKind, PostPage } from "../store/types.ts";

/** `data` ready for `pageFrame`: a post blob without a stored document gets one made from its body. */
export async function withStoredDocument(kind: PageKind, data: unknown): Promise<unknown> {
  if (kind !== "post" || (data as PostPage).doc) return data;
  const page = data as PostPage;
  const { storeDocument } = await import("../markdown/stored-document.ts");
  const doc = storeDocument({ ...page.post, body: page.post.body ?? "" }, page.bibliography);
  return { ...page, doc } satisfies PostPage;
}
