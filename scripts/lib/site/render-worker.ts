/**
 * The main thread's side of the render worker (render-worker-body.ts): on a machine with two cores or
 * more, one worker makes and writes the records' own files (about nine tenths of the files at 100,000
 * records) while the main thread makes the timeline, the search index and the other pages, then joins
 * in on the records the worker has not yet claimed (they share a RecordClaims counter).
 */
import os from "node:os";
import { startWorker } from "../worker-thread.ts";
import type { RecordClaims, SiteAddresses } from "./generate.ts";
import { STOPPED, StoppedError, type Alongside, type Written } from "./write.ts";

export interface RenderWorkerData {
  tmp: string;
  /** The bytes of dataset.json and quality.json as read and checked against SHA256SUMS. */
  dataset: Uint8Array;
  quality: Uint8Array | undefined;
  /** The counter the worker claims records from, shared with the main thread. */
  claims: RecordClaims;
  addresses: SiteAddresses;
  /** The site being replaced, whose unchanged files are kept (see WriteOptions.previous). */
  previous: string | undefined;
  /** Raised (set to 1) by the main thread to make the worker stop. */
  stop: Int32Array;
}

export type RenderWorkerResult = Written | { error: string };

/** Whether the records' files are worth making on another thread here. */
export const renderInWorker = (): boolean => os.availableParallelism() >= 2;

/** Starts a worker writing the records' files it claims from `claims` into `tmp`. */
export function startRenderWorker(tmp: string, data: Omit<RenderWorkerData, "tmp" | "stop" | "previous">, previous?: string): Alongside {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker(new URL("./render-worker-body.ts", import.meta.url), { ...data, tmp, previous, stop } satisfies RenderWorkerData);
  const done = new Promise<Written>((resolve, reject) => {
    worker.once("message", (message: RenderWorkerResult) => ("error" in message ? reject(message.error === STOPPED ? new StoppedError() : new Error(message.error)) : resolve(message)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the site's render worker stopped (exit code ${code}) before it was done`)));
  }).finally(() => worker.terminate());
  done.catch(() => undefined); // settled by the caller
  return { done, stop: () => Atomics.store(stop, 0, 1) };
}
