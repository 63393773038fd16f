/**
 * A render thread (see render-pool.ts): runs the build's post step on the
 * chunks of posts it is sent, with the build's inputs (step-inputs.ts), and
 * sends back each post's result and the questions it asked. What a step asks
 * about the rest of the content folder (does an asset exist, its text, a
 * picture's size, another post's address) is asked of the build's thread,
 * synchronously (the step's renderers are synchronous): a message on this
 * thread's own port, then a wait on a shared flag the build's thread raises
 * once the answer is on the port. Answers are kept for the rest of the build.
 *
 * Loaded as a bundle made by render-pool-bundle.ts (TypeScript compiled once
 * per engine version), so it starts without a TypeScript loader.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { prerenderTikz } from "./render/tikz.ts";
import type { StepLookups } from "./post-step.ts";
import { BibliographyReader, guardedStep, stepContext, type StepInputs } from "./step-inputs.ts";
import { recordQuestions, type Question } from "./step-questions.ts";
import type { ChunkOutcome, ThreadAnswer, ThreadMessage, ThreadReply } from "./render-pool.ts";

const { port, flag } = workerData as { port: MessagePort; flag: SharedArrayBuffer };
const raised = new Int32Array(flag);

/** Ask the build's thread; blocks this thread until it answers. */
function ask(kind: Question[0], arg: string): unknown {
  Atomics.store(raised, 0, 0);
  port.postMessage([kind, arg] satisfies Question);
  Atomics.wait(raised, 0, 0);
  const reply = receiveMessageOnPort(port)?.message as ThreadAnswer | undefined;
  if (!reply) throw new Error(`no answer from the build thread to ${kind} ${arg}`);
  if ("error" in reply) throw new Error(reply.error);
  return reply.value;
}

/** Lookups answered by the build's thread, each question once per build. */
function askingLookups(inputs: StepInputs): StepLookups {
  const known = new Map<string, unknown>();
  const once = (kind: Question[0], arg: string): unknown => {
    const key = `${kind}\0${arg}`;
    if (!known.has(key)) known.set(key, ask(kind, arg));
    return known.get(key);
  };
  return {
    assetExists: (p) => once("exists", p) as boolean,
    postUrl: (name) => once("url", name) as string | undefined,
    ...(inputs.readsAssets ? { readAsset: (p: string) => once("text", p) as string | undefined } : {}),
    ...(inputs.sizesPictures ? { imageSize: (p: string) => once("size", p) as ReturnType<NonNullable<StepLookups["imageSize"]>> } : {}),
  };
}

let build: { id: number; inputs: StepInputs; bibliographies: BibliographyReader; lookups: StepLookups } | undefined;
// Chunks one after another: TikZ's engine must not compile two pictures at once.
let queue = Promise.resolve();

parentPort!.on("message", (message: ThreadMessage) => {
  if (message.type === "inputs") {
    const { inputs } = message;
    build = { id: message.build, inputs, bibliographies: new BibliographyReader(inputs), lookups: askingLookups(inputs) };
    return;
  }
  queue = queue.then(async () => {
    const outcomes: ChunkOutcome[] = [];
    for (const { i, file, text } of message.jobs) {
      if (!build || build.id !== message.build) throw new Error(`render thread: chunk of build ${message.build} without its inputs`);
      // TikZ pictures compile asynchronously: before the (synchronous) renderers of the step read them.
      await prerenderTikz([text]);
      const asked: Question[] = [];
      const ctx = stepContext(build.inputs, build.bibliographies, recordQuestions(build.lookups, asked));
      outcomes.push({ i, result: guardedStep(file, text, ctx), asked });
    }
    parentPort!.postMessage({ type: "done", outcomes } satisfies ThreadReply);
  });
});
parentPort!.postMessage({ type: "ready" } satisfies ThreadReply);
