/**
 * Makes and writes the records' files (their pages and their own JSON) that it claims from the counter
 * it shares with the main thread, in a worker thread, while the main thread makes the rest of the site. It reads the same verified bytes of dataset.json
 * and quality.json the main thread read, builds its own model from them, and writes into the same
 * temporary folder. It posts back what it wrote, or the failure; it stops early when the shared
 * flag is raised (the other side failed), after the file it is writing.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Dataset } from "../types.generated.ts";
import { recordFiles, siteModel } from "./generate.ts";
import { writeFilesInto } from "./write.ts";
import type { RenderWorkerData, RenderWorkerResult } from "./render-worker.ts";

const data = workerData as RenderWorkerData;
const post = (message: RenderWorkerResult): void => parentPort!.postMessage(message);
try {
  const dataset = JSON.parse(Buffer.from(data.dataset).toString("utf8")) as Dataset;
  const model = siteModel(dataset, data.quality ? Buffer.from(data.quality) : undefined);
  post(await writeFilesInto(data.tmp, recordFiles(model, data.addresses, data.claims), { previous: data.previous, stopped: () => Atomics.load(data.stop, 0) !== 0 }));
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}
