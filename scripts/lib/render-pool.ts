/**
 * Rendering many posts on several threads (node:worker_threads): the build's
 * own thread and `threads - 1` render threads (render-pool-worker.ts) take
 * chunks of posts from one queue until none is left. The build's thread
 * starts rendering at once and the render threads join as they finish
 * loading (~0.3 s), so a pool never makes a build slower than one thread by
 * more than the loading's share of the CPU; chunks are a few dozen posts, so
 * messages cost little next to the render, and each render thread has two
 * chunks in hand, so it does not wait for the build's thread between them.
 *
 * Outcomes come back by the post's index, whatever thread rendered it: the
 * caller merges them in file order, so output and problems are the same as an
 * in-process build's. A render thread that dies hands its chunks back to the
 * build's thread. Threads are kept for the process (a dev session's next full
 * build, a benchmark's next run) and do not keep it alive (`unref`).
 */
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { PostStepResult, StepLookups } from "./post-step.ts";
import type { StepInputs } from "./step-inputs.ts";
import type { Question } from "./step-questions.ts";
import { renderWorkerScript } from "./render-pool-bundle.ts";

/** One post to render: `i` is its index in the caller's list. */
export interface RenderJob {
  file: string;
  text: string;
}

/** What rendering a post gave: its step result and the lookups it made, in order (for the build cache). */
export interface RenderOutcome {
  result: PostStepResult;
  asked: Question[];
}

export interface ChunkOutcome extends RenderOutcome {
  i: number;
}

/** Build thread → render thread. */
export type ThreadMessage = { type: "inputs"; build: number; inputs: StepInputs } | { type: "chunk"; build: number; jobs: (RenderJob & { i: number })[] };
/** Render thread → build thread. */
export type ThreadReply = { type: "ready" } | { type: "done"; outcomes: ChunkOutcome[] };
/** The build thread's answer to a lookup (on the render thread's own port). */
export type ThreadAnswer = { value: unknown } | { error: string };

/** Render threads are worth starting from this many posts to render (a one-post edit renders in process). */
export const POOL_MIN_POSTS = 64;
/** More threads than this gain little: the build's serial part (pages, bundle) stays. */
const MAX_THREADS = 8;
/** Posts per chunk sent to a render thread, and per turn of the build's thread (which also answers lookups between turns). */
const THREAD_CHUNK = 32;
const HERE_CHUNK = 4;

/** How many threads a build rendering `posts` posts uses by default: all cores (at most 8) for many posts, else 1. */
export function defaultThreads(posts: number): number {
  return posts >= POOL_MIN_POSTS ? Math.min(availableParallelism(), MAX_THREADS) : 1;
}

interface RenderThread {
  worker: Worker;
  port: MessagePort;
  raised: Int32Array;
  ready: boolean;
  /** Indices of the chunks it was sent and has not answered. */
  inHand: number[][];
  /** The build it has the inputs of. */
  build: number;
}

const threads: RenderThread[] = [];
let started = 0;
let renderedThere = 0;
/** Told when a thread is ready or a start failed (warmRenderThreads). */
const readyWaiters = new Set<() => void>();
let builds = 0;
let busy = false;
let unavailable: string | undefined;
/** Told each event of the running build (a chunk done, a thread ready or gone). */
let onEvent: ((thread: RenderThread, reply: ThreadReply | { type: "gone" }) => void) | undefined;
/** The running build's lookups, which answer render threads' questions. */
let answering: StepLookups | undefined;

/** How many render threads this process started (tests: a small build starts none). */
export function renderThreadsStarted(): number {
  return started;
}

/** How many posts render threads (not the build's thread) rendered in this process. */
export function renderedOnThreads(): number {
  return renderedThere;
}

function answer(lookups: StepLookups, [kind, arg]: Question): unknown {
  if (kind === "exists") return lookups.assetExists(arg);
  if (kind === "url") return lookups.postUrl(arg);
  if (kind === "text") return lookups.readAsset?.(arg);
  return lookups.imageSize?.(arg);
}

async function startThread(): Promise<void> {
  started++;
  const script = await renderWorkerScript();
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(script, { workerData: { port: port2, flag }, transferList: [port2] });
  const thread: RenderThread = { worker, port: port1, raised: new Int32Array(flag), ready: false, inHand: [], build: 0 };
  threads.push(thread);
  port1.on("message", (question: Question) => {
    let reply: ThreadAnswer;
    try {
      if (!answering) throw new Error("no build is running");
      reply = { value: answer(answering, question) };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    port1.postMessage(reply);
    Atomics.store(thread.raised, 0, 1);
    Atomics.notify(thread.raised, 0);
  });
  worker.on("message", (reply: ThreadReply) => {
    if (reply.type === "ready") {
      thread.ready = true;
      for (const told of readyWaiters) told();
    }
    onEvent?.(thread, reply);
  });
  const gone = (err?: Error): void => {
    const at = threads.indexOf(thread);
    if (at < 0) return;
    threads.splice(at, 1);
    port1.close();
    // A thread that cannot even load (a broken compiled script) would fail the same way every build: stop starting them.
    if (!thread.ready && err) noThreads(`a render thread failed to load: ${err.message}`);
    for (const told of readyWaiters) told();
    onEvent?.(thread, { type: "gone" });
  };
  worker.on("error", gone);
  worker.on("exit", () => gone());
  if (!busy) keepAlive(thread, false);
}

/** Referenced while a build waits on it; else it does not keep the process alive. */
function keepAlive(thread: RenderThread, on: boolean): void {
  if (on) {
    thread.worker.ref();
    thread.port.ref();
  } else {
    thread.worker.unref();
    thread.port.unref();
  }
}

/** Render threads cannot be started in this process: say so once; builds render in their own thread. */
function noThreads(reason: string): void {
  if (!unavailable) console.warn(`warning: render threads unavailable (${reason}): rendering on one thread`);
  unavailable = reason;
  for (const told of readyWaiters) told();
}

/** Start render threads up to `count` (in the background; a failure leaves the build on its own thread). */
function fillPool(count: number): void {
  for (let n = threads.length + pendingStarts; n < count; n++) {
    pendingStarts++;
    startThread()
      .catch((err: Error) => noThreads(err.message))
      .finally(() => pendingStarts--);
  }
}
let pendingStarts = 0;

/**
 * Render `jobs` on `count` threads (this one included), in chunks; returns
 * their outcomes by index. `here` renders one post on this thread, recording
 * its lookups as a render thread does; `lookups` answer render threads.
 * One build at a time uses the pool: a second one at once renders here only.
 */
export async function renderOnThreads(jobs: readonly RenderJob[], inputs: StepInputs, lookups: StepLookups, here: (job: RenderJob) => Promise<RenderOutcome>, count: number): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = new Array(jobs.length);
  const pooled = !busy && !unavailable && count > 1;
  const build = ++builds;
  let next = 0;
  let left = jobs.length;
  const retry: number[] = [];
  const take = (n: number): number[] => {
    const chunk = retry.splice(0, n);
    while (chunk.length < n && next < jobs.length) chunk.push(next++);
    return chunk;
  };
  let wake: (() => void) | undefined;
  const feed = (thread: RenderThread): void => {
    if (!thread.ready) return;
    if (thread.build !== build) {
      thread.worker.postMessage({ type: "inputs", build, inputs } satisfies ThreadMessage);
      thread.build = build;
    }
    while (thread.inHand.length < 2) {
      const chunk = take(THREAD_CHUNK);
      if (!chunk.length) return;
      thread.inHand.push(chunk);
      thread.worker.postMessage({ type: "chunk", build, jobs: chunk.map((i) => ({ i, file: jobs[i]!.file, text: jobs[i]!.text })) } satisfies ThreadMessage);
    }
  };
  if (pooled) {
    busy = true;
    answering = lookups;
    onEvent = (thread, reply) => {
      if (reply.type === "done") {
        for (const o of reply.outcomes) outcomes[o.i] = { result: o.result, asked: o.asked };
        left -= reply.outcomes.length;
        renderedThere += reply.outcomes.length;
        thread.inHand.shift();
      } else if (reply.type === "gone") {
        // Its chunks are rendered here instead (a post that breaks a thread gets its located error here).
        for (const chunk of thread.inHand) retry.push(...chunk);
        thread.inHand = [];
      }
      if (reply.type !== "gone") feed(thread);
      wake?.();
    };
    fillPool(count - 1);
    for (const t of threads) {
      keepAlive(t, true);
      feed(t);
    }
  }
  try {
    for (;;) {
      const chunk = take(HERE_CHUNK);
      if (chunk.length) {
        for (const i of chunk) outcomes[i] = await here(jobs[i]!);
        left -= chunk.length;
        // Let render threads' answers and questions in between turns.
        if (pooled) await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (left === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    if (pooled) {
      busy = false;
      answering = undefined;
      onEvent = undefined;
      for (const t of threads) keepAlive(t, false);
    }
  }
  return outcomes;
}

/**
 * Start render threads for builds on `count` threads (this one included) and
 * wait until they are loaded (or could not be started): a benchmark or a test
 * that wants every thread at work from the first post.
 */
export async function warmRenderThreads(count: number): Promise<void> {
  fillPool(count - 1);
  // Threads do not keep the process alive (unref): this timer does, while it waits for them.
  const hold = setInterval(() => {}, 60_000);
  try {
    // Until enough are ready, or fewer than enough are left (one exited while loading).
    while (!unavailable && threads.filter((t) => t.ready).length < count - 1 && threads.length + pendingStarts >= count - 1) {
      await new Promise<void>((resolve) => {
        const told = () => {
          readyWaiters.delete(told);
          resolve();
        };
        readyWaiters.add(told);
      });
    }
  } finally {
    clearInterval(hold);
  }
}

/** Stop the render threads (tests, benchmarks); a build running now finishes on its own thread. */
export async function closeRenderThreads(): Promise<void> {
  // Each leaves the pool when it has exited (see `gone`): a build using it renders its chunks here.
  await Promise.all([...threads].map((t) => t.worker.terminate()));
}
