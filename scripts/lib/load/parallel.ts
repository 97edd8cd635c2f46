import os from "node:os";
import { Worker } from "node:worker_threads";
import type { RecordFile } from "./discover.ts";
import type { WorkerResult } from "./load-worker-body.ts";

/** Below this many files a worker's start-up (loader, schema compilation) costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;

/**
 * Starts a worker thread on a share of the files and returns its results, or undefined if the machine
 * has one core. A worker that fails makes the promise reject; the caller then loads those files itself,
 * so no file is ever skipped.
 */
export function loadInWorker(files: readonly RecordFile[], schemasDir: string): Promise<WorkerResult[]> | undefined {
  if (os.availableParallelism() < 2) return undefined;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { files, schemasDir } });
    worker.once("message", (results: WorkerResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}

/** The share of the files given to the worker: about two fifths, since it starts later and its results must be copied back. */
export function workerShare(count: number): number {
  return Math.floor(count * 0.4);
}
