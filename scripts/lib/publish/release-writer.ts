/**
 * The main thread's side of the release writer (see release-writer-body.ts): a worker thread that writes
 * json/, ndjson/, dataset.json and the CSV tables from the NDJSON lines the main thread sends it, while
 * the main thread publishes the records and writes the other exports.
 */
import os from "node:os";
import type { RecordType } from "../record-types.ts";
import type { DatasetMetadata } from "../types.generated.ts";
import type { FileHash } from "./manifest.ts";
import { startWorker } from "../worker-thread.ts";

export type ReleaseWriterMessage = { type: RecordType; ndjson: string } | { done: true };
export interface ReleaseWriterResult {
  /** Every file the writer wrote, with its hash and size. */
  hashes: Array<[string, FileHash]>;
}

/** Set to 1, the writer fails on the first batch it is sent (a test checks what the build does then). */
export const FAIL_ENV = "SIDELINES_RELEASE_WRITER_FAIL";

/** Records per batch of NDJSON lines sent to the writer. */
const WRITER_BATCH = 250;

/**
 * Batches sent but not yet written. Without a bound, text made faster than the writer writes it would
 * pile up in its queue (a hundred megabytes at 100,000 records).
 */
const MAX_IN_FLIGHT = 32;
/** How long the main thread waits for the writer to take a batch before it gives up on it. */
const STALL_MS = 30_000;

export interface ReleaseWriter {
  /** Adds one record's NDJSON line (`jsonText(record)` and a line feed); types come in the order of RECORD_TYPE_NAMES. */
  add(type: RecordType, line: string): void;
  /**
   * Resolves with each written file's hash and size; rejects if the writer failed or stalled. Either way
   * the worker has stopped when it settles, so nothing it does can touch the files afterwards.
   */
  finish(): Promise<Map<string, FileHash>>;
  /** Stops the worker (when the build fails); resolves once it has stopped. */
  stop(): Promise<void>;
}

/** Starts the release writer writing into `dir`, or returns undefined on a one-core machine. */
export function startReleaseWriter(dir: string, metadata: DatasetMetadata): ReleaseWriter | undefined {
  if (os.availableParallelism() < 2) return undefined;
  // The worker counts the batches it has written here; the main thread waits on it when too many are pending.
  const written = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker(new URL("./release-writer-body.ts", import.meta.url), { dir, written, metadata });
  let sent = 0;
  let stalled = false;
  const result = new Promise<Map<string, FileHash>>((resolve, reject) => {
    worker.once("message", (message: ReleaseWriterResult) => resolve(new Map(message.hashes)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the release writer stopped (exit code ${code}) before it was done`)));
  });
  // Until finish() is awaited, a failure must not surface as an unhandled rejection.
  result.catch(() => undefined);
  let batch = "";
  let batchType: RecordType | undefined;
  let inBatch = 0;
  const send = (): void => {
    if (inBatch === 0 || stalled) return;
    for (let seen = Atomics.load(written, 0); sent - seen >= MAX_IN_FLIGHT; seen = Atomics.load(written, 0)) {
      // A worker that has died writes nothing more: after a long wait, stop sending (finish() then fails).
      if (Atomics.wait(written, 0, seen, STALL_MS) === "timed-out") {
        stalled = true;
        return;
      }
    }
    worker.postMessage({ type: batchType!, ndjson: batch } satisfies ReleaseWriterMessage);
    sent++;
    batch = "";
    inBatch = 0;
  };
  return {
    add: (type, line) => {
      if (type !== batchType) send();
      batchType = type;
      batch += line;
      if (++inBatch === WRITER_BATCH) send();
    },
    finish: async () => {
      send();
      if (stalled) {
        await worker.terminate();
        throw new Error("the release writer stopped taking records");
      }
      worker.postMessage({ done: true } satisfies ReleaseWriterMessage);
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
