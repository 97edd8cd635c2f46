/** The main thread's side of the CSV worker (see worker-body.ts). */
import os from "node:os";
import type { RecordType } from "../../record-types.ts";
import type { FileHash } from "../manifest.ts";
import { startWorker } from "../../worker-thread.ts";

export type CsvWorkerMessage = { type: RecordType; ndjson: string } | { done: true };
export interface CsvWorkerResult {
  hashes: Array<[string, FileHash]>;
}

/**
 * Batches sent but not yet written. The main thread makes text faster than the worker writes tables;
 * without a bound, the text would pile up in the worker's queue (a hundred megabytes at 100,000 records).
 */
const MAX_IN_FLIGHT = 4;
/** How long the main thread waits for the worker to take a batch before it gives up on it. */
const STALL_MS = 30_000;

export interface CsvWorker {
  /** Sends NDJSON lines of records of one type, in the order they are published. */
  send(type: RecordType, ndjson: string): void;
  /**
   * Resolves with each table's hash and size; rejects if the worker failed or stalled. Either way the
   * worker has stopped when it settles, so nothing it does can touch the files afterwards.
   */
  finish(): Promise<Map<string, FileHash>>;
  /** Stops the worker (when the build fails); resolves once it has stopped. */
  stop(): Promise<void>;
}

/** Starts the CSV worker writing into `dir`, or returns undefined on a one-core machine. */
export function startCsvWorker(dir: string): CsvWorker | undefined {
  if (os.availableParallelism() < 2) return undefined;
  // The worker counts the batches it has written here; the main thread waits on it when too many are pending.
  const written = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker(new URL("./worker-body.ts", import.meta.url), { dir, written });
  let sent = 0;
  let stalled = false;
  const result = new Promise<Map<string, FileHash>>((resolve, reject) => {
    worker.once("message", (message: CsvWorkerResult) => resolve(new Map(message.hashes)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the CSV worker stopped (exit code ${code}) before it was done`)));
  });
  // Until finish() is awaited, a failure must not surface as an unhandled rejection.
  result.catch(() => undefined);
  return {
    send: (type, ndjson) => {
      if (stalled) return;
      for (let seen = Atomics.load(written, 0); sent - seen >= MAX_IN_FLIGHT; seen = Atomics.load(written, 0)) {
        // A worker that has died writes nothing more: after a long wait, stop sending (finish() then fails).
        if (Atomics.wait(written, 0, seen, STALL_MS) === "timed-out") {
          stalled = true;
          return;
        }
      }
      worker.postMessage({ type, ndjson } satisfies CsvWorkerMessage);
      sent++;
    },
    finish: async () => {
      if (stalled) {
        await worker.terminate();
        throw new Error("the CSV worker stopped taking records");
      }
      worker.postMessage({ done: true } satisfies CsvWorkerMessage);
      try {
        return await result;
      } finally {
        await worker.terminate();
      }
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
