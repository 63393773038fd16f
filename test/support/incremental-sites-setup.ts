/** Global setup: builds the bundles of incremental-sites.ts with the real build. */
import type { TestProject } from "vitest/node";
import { FIXTURE_NOW } from "./global-setup.ts";
import { buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";
import { generatedSite } from "../../bench/support/generate-posts.ts";
import { INCREMENTAL_POSTS, type IncrementalSites } from "./incremental-sites.ts";

async function bundleOf(source: ContentSource) {
  const result = await buildSite(source, { now: FIXTURE_NOW });
  if (!result.bundle) throw new Error(`generated site does not build: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.bundle;
}

/** `source` with the text of its post `index` changed by `edit`. */
function edited(source: ContentSource, index: number, edit: (text: string) => string): ContentSource {
  return { ...source, posts: source.posts.map((p, i) => (i === index ? { ...p, text: edit(p.text) } : p)) };
}

const EDITED_SENTENCE = "This sentence was added by one edit of the author.";
const bodyEdit = (t: string) => t.replace("## Results\n", `## Results\n\n${EDITED_SENTENCE}\n`);

export default async function setup(project: TestProject): Promise<void> {
  const source = generatedSite(INCREMENTAL_POSTS);
  const newest = INCREMENTAL_POSTS - 1;
  const small = generatedSite(30);
  const sites: IncrementalSites = {
    base: await bundleOf(source),
    bodyEdit: await bundleOf(edited(source, newest, bodyEdit)),
    titleEdit: await bundleOf(edited(source, newest, (t) => t.replace(`title: Post number ${newest}`, `title: Post number ${newest}, revised`))),
    editedPath: `/blog/2000/post-${newest}/`,
    editedSentence: EDITED_SENTENCE,
    small: { base: await bundleOf(small), bodyEdit: await bundleOf(edited(small, 29, bodyEdit)), editedPath: "/blog/2000/post-29/" },
  };
  project.provide("incrementalSites", sites);
}
