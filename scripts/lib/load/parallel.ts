/**
 * Worker threads for the per-file stage of a large run. They start before the files are listed (their
 * start-up — modules and schema compilation — overlaps the listing), then take chunks of the file list
 * from one shared counter, so that each does as much as it can, and post each chunk back as it is done.
 * The main thread meanwhile only collects: its heap stays small, which keeps its garbage collection,
 * the cost that grows with the dataset, short.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import type { RecordFile } from "./discover.ts";
import type { ChunkResult } from "./load-chunk.ts";
import type { PublisherRegistry } from "../publishers/registry.ts";
import { startWorker } from "../worker-thread.ts";

/** Below this many files the workers' start-up (loader, schema compilation) costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;

/** Files per claim: small enough to balance the threads' finishing times, large enough to keep claims rare. */
export const CHUNK_SIZE = 256;

/** At most this many workers: beyond it, copying results back to the main thread outweighs the gain. */
const MAX_WORKERS = 4;

/**
 * A worker's old generation, in MiB. A worker holds little for long — the compiled validators and the
 * chunk it is loading, about 50 MB once collected — but left to V8's defaults its heap grew to about
 * 250 MB of garbage before a full collection, in each worker (100,000 realistic records). Capped, it
 * collects sooner, for about the same CPU. A worker that runs out anyway fails, and the main thread
 * loads its files (as for any failed worker).
 */
const WORKER_OLD_GENERATION_MB = 128;

/**
 * A worker's young generation, in MiB. With V8's default size the objects of a chunk being loaded
 * outlive several scavenges and are copied each time: on 100,000 realistic records the collector took
 * 2.6–2.7 s of each worker's 34 s profile. At 64 MiB most of them die before the next scavenge, and it
 * took 1.1–1.2 s of 24.5 s, for about 70 MB more peak RSS (830 MiB in all). 32 and 48 MiB gave no gain
 * (2.0–2.3 s), 96 MiB no more than 64 (1.0–1.1 s), and 128 MiB was slower. (Profiles of cold runs with
 * `--cpu-prof`, on the realistic corpus of `npm run bench`.)
 */
const WORKER_YOUNG_GENERATION_MB = 64;

export function nextChunk(counter: Int32Array, total: number): [number, number] | undefined {
  const start = Atomics.add(counter, 0, CHUNK_SIZE);
  return start < total ? [start, Math.min(total, start + CHUNK_SIZE)] : undefined;
}

/** What a worker is given once the files are listed. */
export interface WorkerJob {
  /** The record files, as `type NUL id NUL file NUL abs` repeated: one string copies fast between threads. */
  files: string;
  keepRecords: boolean;
  /** An Int32Array over a SharedArrayBuffer: the index of the next unclaimed file. */
  counter: Int32Array;
  /** With a validation cache: each file's cached bytes hash ("" for none), joined by NUL. */
  expected?: string;
  /** Keep the lines code frames show (see ChunkResult.frames). */
  frames: boolean;
  /** The dataset's publishers registry, which record checks of sources read. */
  publishers: PublisherRegistry;
}

/** A worker's messages: one per chunk, then `done`. */
export type WorkerMessage = { chunk: ChunkResult } | { done: true };

export function encodeFiles(files: readonly RecordFile[]): string {
  return files.map((f) => `${f.type}\0${f.id}\0${f.file}\0${f.abs}`).join("\0");
}

export function decodeFiles(text: string): RecordFile[] {
  const parts = text === "" ? [] : text.split("\0");
  const files: RecordFile[] = [];
  for (let i = 0; i < parts.length; i += 4) files.push({ type: parts[i] as RecordType, id: parts[i + 1]!, file: parts[i + 2]!, abs: parts[i + 3]! });
  return files;
}

/**
 * Whether the folder holds at least `n` entries in its record folders. Stops counting at `n`, so the
 * answer costs little however large the dataset: it decides whether to start workers before listing.
 */
export function holdsAtLeast(dataDir: string, n: number): boolean {
  let count = 0;
  for (const { folder } of Object.values(RECORD_TYPES)) {
    let dir: fs.Dir | undefined;
    try {
      dir = fs.opendirSync(path.join(dataDir, folder));
      while (count < n && dir.readSync()) count++;
    } catch {
      // a missing or unreadable folder: discovery reports it
    } finally {
      dir?.closeSync();
    }
    if (count >= n) return true;
  }
  return false;
}

export interface WorkerPool {
  /** Posts the job; resolves with every chunk the workers loaded (a failed worker's chunks are missing). */
  run(job: WorkerJob, onChunk: (chunk: ChunkResult) => void): Promise<void>;
  /** Stops the workers unused. */
  close(): void;
}

/** Starts worker threads, one per core up to a few, or returns undefined on a one-core machine. */
export function startWorkers(schemasDir: string): WorkerPool | undefined {
  const count = Math.min(os.availableParallelism(), MAX_WORKERS);
  if (count < 2) return undefined;
  const workers = Array.from({ length: count }, () => startWorker(new URL("./load-worker-body.ts", import.meta.url), { schemasDir }, { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }));
  // Until a job is posted, a worker that fails is simply not used.
  const failed = new Set<Worker>();
  for (const w of workers) w.once("error", () => failed.add(w));
  return {
    run(job, onChunk) {
      const runs = workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (failed.has(worker)) return resolve();
            // After a worker fails, a chunk it posted earlier may still be delivered; by then its files
            // are being loaded on the main thread, so it is ignored.
            let finished = false;
            const onMessage = (message: WorkerMessage): void => {
              if (finished) return;
              if ("chunk" in message) onChunk(message.chunk);
              else finish();
            };
            // The run is over once the worker has exited: until then the worker, and through its
            // listener everything the caller's onChunk holds (a build's whole validation), stays alive.
            const finish = (): void => {
              if (finished) return;
              finished = true;
              worker.off("message", onMessage);
              void worker.terminate().finally(resolve);
            };
            worker.on("message", onMessage);
            worker.once("error", finish);
            worker.once("exit", finish);
            worker.postMessage(job);
          }),
      );
      return Promise.all(runs).then(() => undefined);
    },
    close() {
      for (const w of workers) void w.terminate();
    },
  };
}
