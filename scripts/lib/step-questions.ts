/**
 * The questions a post step asks about the rest of the content folder
 * (`StepLookups`), written down where the step runs and asked again, in the
 * same order, of the build cache's recording lookups (build-cache.ts) in the
 * build's own thread. So a step rendered on a render thread fills the cache
 * exactly as one rendered in process, without the cache knowing threads exist.
 */
import type { StepLookups } from "./post-step.ts";

/** One lookup call: which lookup, and its argument. */
export type Question = ["exists" | "text" | "url" | "size", string];

/** `lookups`, writing each call that answered into `asked` (a call that throws is not an answer and is not recorded). */
export function recordQuestions(lookups: StepLookups, asked: Question[]): StepLookups {
  return {
    assetExists: (p) => {
      const exists = lookups.assetExists(p);
      asked.push(["exists", p]);
      return exists;
    },
    postUrl: (name) => {
      const url = lookups.postUrl(name);
      asked.push(["url", name]);
      return url;
    },
    ...(lookups.readAsset
      ? {
          readAsset: (p: string) => {
            const text = lookups.readAsset!(p);
            asked.push(["text", p]);
            return text;
          },
        }
      : {}),
    ...(lookups.imageSize
      ? {
          imageSize: (p: string) => {
            const size = lookups.imageSize!(p);
            asked.push(["size", p]);
            return size;
          },
        }
      : {}),
  };
}

/** Ask `lookups` the questions of `asked` again, in order (their answers are the build's own; the caller records them). */
export function replayQuestions(asked: readonly Question[], lookups: StepLookups): void {
  for (const [kind, arg] of asked) {
    if (kind === "exists") lookups.assetExists(arg);
    else if (kind === "url") lookups.postUrl(arg);
    else if (kind === "text") lookups.readAsset?.(arg);
    else lookups.imageSize?.(arg);
  }
}
