/**
 * The per-file stage for a run of files: read, parse, schema-check, then the record checks. Runs in the
 * main thread and in the worker thread alike, so both give the same verdicts. What it returns is what
 * the rest of the run needs: diagnostics, and each record's dataset view (plus the full data when the
 * caller keeps records), so a worker's results travel back small.
 */
import type { RecordFile } from "./discover.ts";
import { checkableRecord, loadRecord, type Reader } from "./load-record.ts";
import { NO_INDEX, project, RECORD_CHECKS, runChecks, type CheckEnv } from "../check/run-checks.ts";
import type { LoadedRecord } from "../check/types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";

/** A file that parsed. */
export interface ParsedRecord {
  /** The record's dataset view (the fields dataset checks read). */
  view: Record<string, unknown>;
  schemaOk: boolean;
  mayHaveEscapes: boolean;
  /** The whole record, when the caller keeps records. */
  full?: Record<string, unknown>;
}

export interface ChunkResult {
  start: number;
  diagnostics: Diagnostic[];
  /** One entry per file from `start` on; null when the file did not parse. */
  records: Array<ParsedRecord | null>;
}

export function loadChunk(files: readonly RecordFile[], start: number, end: number, set: SchemaSet, env: CheckEnv, reader: Reader, keepRecords: boolean): ChunkResult {
  const diagnostics: Diagnostic[] = [];
  const records: Array<ParsedRecord | null> = [];
  const checkable: LoadedRecord[] = [];
  for (let i = start; i < end; i++) {
    const loaded = loadRecord(files[i]!, set, diagnostics, reader);
    if (!loaded.ok) {
      records.push(null);
      continue;
    }
    const r = loaded.record;
    const c = checkableRecord(r, set);
    if (c) checkable.push(c);
    records.push({ view: project(r.data, env.datasetShape[r.type]) as Record<string, unknown>, schemaOk: r.schemaOk, mayHaveEscapes: r.mayHaveEscapes !== false, ...(keepRecords ? { full: r.data } : {}) });
  }
  runChecks(RECORD_CHECKS, checkable, NO_INDEX, env, diagnostics);
  return { start, diagnostics, records };
}
