/**
 * Every post's step result for a build, in file order: from the build cache
 * while still valid, else rendered, on render threads when many posts must
 * be (a full build, `--no-cache`, a first build: render-pool.ts) and in this
 * thread otherwise (a one-post edit, a dev session's rebuilds start no thread).
 * Where a post rendered changes nothing: the same step, the same inputs, the
 * same build-cache entry (its lookups asked again here, in order).
 */
import { createHash } from "node:crypto";
import type { SourceFile } from "./build-site.ts";
import type { PostStepResult, StepCache, StepLookups } from "./post-step.ts";
import { prerenderTikz } from "./render/tikz.ts";
import { defaultThreads, renderOnThreads, type RenderJob, type RenderOutcome } from "./render-pool.ts";
import { guardedStep, stepContext, type BibliographyReader, type StepInputs } from "./step-inputs.ts";
import { recordQuestions, replayQuestions, type Question } from "./step-questions.ts";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * `threads`: how many threads render (this one included); default
 * `defaultThreads` of the number of posts the cache does not have.
 */
export async function stepResults(posts: readonly SourceFile[], cache: StepCache, lookups: StepLookups, inputs: StepInputs, bibliographies: BibliographyReader, threads?: number): Promise<PostStepResult[]> {
  const results: (PostStepResult | undefined)[] = [];
  const hashes: string[] = [];
  const misses: number[] = [];
  for (const [i, post] of posts.entries()) {
    // Unchanged posts come from the cache: not read, parsed or rendered again.
    const hash = post.hash ?? sha256(post.text);
    const hit = cache.get(post.file, hash, lookups);
    hashes.push(hash);
    results.push(hit);
    if (!hit) misses.push(i);
  }
  const count = threads ?? defaultThreads(misses.length);
  if (count <= 1) {
    for (const i of misses) {
      const { file, text } = posts[i]!;
      // TikZ pictures compile asynchronously: before the (synchronous) renderers of the step read them.
      await prerenderTikz([text]);
      results[i] = cache.run(file, hashes[i]!, lookups, (recorded) => guardedStep(file, text, stepContext(inputs, bibliographies, recorded)));
    }
    return results as PostStepResult[];
  }
  const here = async ({ file, text }: RenderJob): Promise<RenderOutcome> => {
    await prerenderTikz([text]);
    const asked: Question[] = [];
    return { result: guardedStep(file, text, stepContext(inputs, bibliographies, recordQuestions(lookups, asked))), asked };
  };
  const jobs = misses.map((i) => ({ file: posts[i]!.file, text: posts[i]!.text }));
  const outcomes = await renderOnThreads(jobs, inputs, lookups, here, count);
  for (const [k, i] of misses.entries()) {
    const { result, asked } = outcomes[k]!;
    results[i] = cache.run(posts[i]!.file, hashes[i]!, lookups, (recorded) => {
      replayQuestions(asked, recorded);
      return result;
    });
  }
  return results as PostStepResult[];
}
