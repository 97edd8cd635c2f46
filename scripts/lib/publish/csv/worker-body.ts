/**
 * Writes the CSV tables in a worker thread while the main thread writes the JSON files. It receives the
 * NDJSON lines the main thread writes anyway (text copies cheaply between threads), a batch at a time,
 * and posts back each table's hash and size when told the records are all sent.
 */
import { parentPort, workerData } from "node:worker_threads";
import { OutputDir } from "../output-file.ts";
import { CsvTablesWriter } from "./writer.ts";
import type { CsvWorkerMessage, CsvWorkerResult } from "./in-worker.ts";

const { dir, written } = workerData as { dir: string; written: Int32Array };
const out = new OutputDir(dir);
const writer = new CsvTablesWriter(out);
parentPort!.on("message", (message: CsvWorkerMessage) => {
  if ("done" in message) {
    parentPort!.postMessage({ hashes: [...writer.close()] } satisfies CsvWorkerResult);
    return;
  }
  const records = message.ndjson.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as unknown);
  writer.add(message.type, records);
  Atomics.add(written, 0, 1);
  Atomics.notify(written, 0);
});
