/**
 * A worker thread of the per-file stage: compiles the schemas while the main thread lists the files,
 * then loads chunks of the list until none is left, posting each back as it is done.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadSchemaSet } from "../schemas.ts";
import { checkEnv } from "../check/run-checks.ts";
import { readFromDisk } from "./load-record.ts";
import { loadChunk } from "./load-chunk.ts";
import { decodeFiles, nextChunk, type WorkerJob, type WorkerMessage } from "./parallel.ts";

const { schemasDir } = workerData as { schemasDir: string };
const set = loadSchemaSet(schemasDir);
const env = checkEnv(set);
const port = parentPort!;
port.once("message", (job: WorkerJob) => {
  const files = decodeFiles(job.files);
  const stage = { set, env, publishers: job.publishers };
  const hashing = job.expected === undefined ? undefined : { expected: job.expected.split("\0") };
  for (let chunk = nextChunk(job.counter, files.length); chunk; chunk = nextChunk(job.counter, files.length)) {
    port.postMessage({ chunk: loadChunk(files, chunk[0], chunk[1], stage, readFromDisk, { keepRecords: job.keepRecords, hashing, frames: job.frames }) } satisfies WorkerMessage);
  }
  port.postMessage({ done: true } satisfies WorkerMessage);
});
