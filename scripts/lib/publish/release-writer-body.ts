/**
 * The release writer, in a worker thread: json/, ndjson/, dataset.json and the CSV tables (the files
 * LocalRecordFiles writes on the main thread otherwise), made from the NDJSON lines the main thread
 * sends a batch at a time (text copies cheaply between threads; each line parses to the record it was
 * made from, so the files are the bytes the main thread would write — a test compares the two). Posts
 * back every file's hash and size when told the records are all sent.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { DatasetMetadata } from "../types.generated.ts";
import { OutputDir } from "./output-file.ts";
import { LocalRecordFiles } from "./record-files.ts";
import { FAIL_ENV, type ReleaseWriterMessage, type ReleaseWriterResult } from "./release-writer.ts";

const { dir, written, metadata } = workerData as { dir: string; written: Int32Array; metadata: DatasetMetadata };
const out = new OutputDir(dir);
const files = new LocalRecordFiles(out, metadata);
parentPort!.on("message", (message: ReleaseWriterMessage) => {
  if ("done" in message) {
    files.close();
    parentPort!.postMessage({ hashes: [...out.hashes] } satisfies ReleaseWriterResult);
    return;
  }
  // For the test that the build writes these files itself when the writer fails.
  if (process.env[FAIL_ENV] === "1") throw new Error(`the release writer failed on purpose (${FAIL_ENV})`);
  const lines = message.ndjson.split("\n");
  lines.pop();
  for (const line of lines) files.add(message.type, JSON.parse(line) as unknown, `${line}\n`);
  files.flush();
  Atomics.add(written, 0, 1);
  Atomics.notify(written, 0);
});
