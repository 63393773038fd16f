/**
 * A generated site of 1,000 posts built twice by the real build (global
 * setup, in Node): as generated, and after an author's one-post edit. The
 * worker tests publish one over the other into real KV and count the keys
 * written. Shared names and shapes live here; the setup is incremental-sites-setup.ts.
 */
import { bundleSitePages, makeBundle, manifestBase, type Bundle, type SitePage } from "../../src/store/bundle.ts";

declare module "vitest" {
  export interface ProvidedContext {
    incrementalSites: IncrementalSites;
  }
}

export interface IncrementalSites {
  /** The site as generated. */
  base: Bundle;
  /** One sentence of the newest post's body changed (the post is in every feed). */
  bodyEdit: Bundle;
  /**
   * The newest post's title changed (it shows in lists, neighbours, related posts, feeds), as
   * the pages it changes: `patchedBundle(base, titleEdit)` is the bundle the build made (the
   * setup checks it). Packs put most of its pages in new blobs, and the whole bundle would take
   * the test runtime's provided context over its message size.
   */
  titleEdit: PagePatch;
  /** Path of the edited post. */
  editedPath: string;
  /** The sentence the body edit adds. */
  editedSentence: string;
  /**
   * The same body edit made on disk: the generated site written to a folder,
   * built through the file stamps and build cache as `npm run build` does,
   * the edit saved, built again. `full` is a build of the edited folder with
   * neither (every file read, every post rendered). `session` is the edit
   * built as `npm run dev` does, by a process that built the folder before
   * (stamps, cache and pages memo kept in memory).
   */
  disk: { base: Bundle; edit: Bundle; full: Bundle; postsRead: number; rendered: number; session: Bundle };
  /** The same edit on a 30-post site, for the fault tests (faster to publish). */
  small: { base: Bundle; bodyEdit: Bundle; editedPath: string };
}

export const INCREMENTAL_POSTS = 1_000;

/** Pages a build changed from another one's: new or changed pages, and paths gone. */
export interface PagePatch {
  changed: [string, SitePage][];
  removed: string[];
}

/** The pages by which `next` differs from `base` (both made by makeBundle with the same manifest base). */
export function pagePatch(base: Bundle, next: Bundle): PagePatch {
  const before = bundleSitePages(base);
  const after = bundleSitePages(next);
  return {
    changed: [...after].filter(([path, page]) => JSON.stringify(before.get(path)) !== JSON.stringify(page)),
    removed: [...before.keys()].filter((path) => !after.has(path)),
  };
}

/** `base` with `patch` applied, made again by makeBundle (in the worker: WebCrypto hashes, the same keys). */
export function patchedBundle(base: Bundle, patch: PagePatch): Promise<Bundle> {
  const pages = bundleSitePages(base);
  for (const path of patch.removed) pages.delete(path);
  for (const [path, page] of patch.changed) pages.set(path, page);
  return makeBundle(pages, manifestBase(base.manifest));
}
