/**
 * Reads, parses and schema-checks a share of the record files in a worker thread, so that both cores
 * work on the per-file stage. Posts back one result per file, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadSchemaSet } from "../schemas.ts";
import { loadRecord } from "../validate.ts";
import type { RecordFile } from "./discover.ts";
import type { Diagnostic } from "../diagnostics.ts";

export interface WorkerResult {
  file: string;
  diagnostics: Diagnostic[];
  data?: Record<string, unknown>;
  schemaOk?: boolean;
  mayHaveEscapes?: boolean;
}

const { files, schemasDir } = workerData as { files: RecordFile[]; schemasDir: string };
const set = loadSchemaSet(schemasDir);
const results: WorkerResult[] = files.map((rf) => {
  const diagnostics: Diagnostic[] = [];
  const loaded = loadRecord(rf, set, diagnostics);
  return loaded.ok
    ? { file: rf.file, diagnostics, data: loaded.record.data, schemaOk: loaded.record.schemaOk, ...(loaded.record.mayHaveEscapes !== undefined ? { mayHaveEscapes: loaded.record.mayHaveEscapes } : {}) }
    : { file: rf.file, diagnostics };
});
parentPort!.postMessage(results);
