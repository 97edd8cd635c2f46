/**
 * The per-file stage for a run of files: read, parse, schema-check, then the record checks. Runs in the
 * main thread and in the worker thread alike, so both give the same verdicts. What it returns is what
 * the rest of the run needs: diagnostics, and each record's dataset view (plus the full data when the
 * caller keeps records), so a worker's results travel back small.
 */
import type { RecordFile } from "./discover.ts";
import { checkableRecord, loadRecord, type Reader } from "./load-record.ts";
import { decodeRecordBytes, readRecordBytes } from "./read-file.ts";
import { NO_INDEX, project, RECORD_CHECKS, runChecks, type CheckEnv } from "../check/run-checks.ts";
import { lookupOf } from "./lookup-parts.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import type { PublisherRegistry } from "../publishers/registry.ts";
import { bytesHash } from "../cache/validation-cache.ts";
import { framed, keptFrameLinesOfText, type FrameLines } from "../report/frame-lines.ts";
import { recordFigures, type RecordFigures } from "../quality/measure.ts";

/** A file that parsed. */
export interface ParsedRecord {
  /** The record's dataset view (the fields dataset checks read). */
  view: Record<string, unknown>;
  schemaOk: boolean;
  mayHaveEscapes: boolean;
  /**
   * The whole record as JSON text in UTF-8, when the caller keeps records: held as bytes, a dataset's
   * records take a third of the memory they take as objects, and travel from a worker as one buffer
   * per chunk (see packTexts). `keptData` (validate.ts) parses it.
   */
  full?: Uint8Array;
  /**
   * With `full`: the record's share of the sourcing figures, measured while the record is at hand, so
   * that the build sums them instead of parsing every record again (undefined for a tombstone).
   */
  figures?: RecordFigures;
  /** With `full`: the parts of the record the build's derived fields read (DERIVER_READS), for a type they read. */
  lookup?: Record<string, unknown>;
}

/** In place of a file's result: its bytes hash as the cache expected, so its cached verdict stands. */
export const CACHED = "cached";

export interface ChunkResult {
  start: number;
  diagnostics: Diagnostic[];
  /** One entry per file from `start` on; null when the file did not parse; CACHED when the cache holds its verdict. */
  records: Array<ParsedRecord | null | typeof CACHED>;
  /** With hashing: one entry per file, the hash of its bytes (null when they could not be read). */
  hashes?: Array<string | null>;
  /** With hashing: one entry per file, its stat stamp taken before it was read (null when it could not be read). */
  stamps?: Array<string | null>;
  /**
   * With frames: one entry per file, the lines the code frames of its diagnostics show (null when it has
   * none to show, or is CACHED), taken from the text in hand so that the report need not read it again.
   */
  frames?: Array<FrameLines | null>;
}

/**
 * With a validation cache: the hash of each file's bytes when its verdict was cached, by index into the
 * files (undefined or "" when there is none). Files are then read from disk as bytes and hashed first.
 */
export interface Hashing {
  expected: ReadonlyArray<string | undefined>;
}

/**
 * What the per-file stage checks against, the same in every thread: the schemas, what checks derive from
 * them, and the dataset's publishers registry (which record checks of sources read).
 */
export interface FileStage {
  set: SchemaSet;
  env: CheckEnv;
  publishers: PublisherRegistry;
}

export interface ChunkOptions {
  /** Keep each record's whole data (ParsedRecord.full). */
  keepRecords: boolean;
  hashing?: Hashing | undefined;
  /** Keep the lines code frames show (see ChunkResult.frames). */
  frames?: boolean;
}

/**
 * Loads and checks files[start..end). Record checks marked `strictOnly` run too: a verdict is the same
 * in strict runs and others (and so can be cached), and a run that is not strict drops their
 * diagnostics (see dropStrictOnly).
 */
export function loadChunk(files: readonly RecordFile[], start: number, end: number, stage: FileStage, reader: Reader, options: ChunkOptions): ChunkResult {
  const { set, env, publishers } = stage;
  const { keepRecords, hashing, frames = false } = options;
  const diagnostics: Diagnostic[] = [];
  const records: ChunkResult["records"] = [];
  const hashes: Array<string | null> = [];
  const stamps: Array<string | null> = [];
  const frameLines: Array<FrameLines | null> = [];
  /** With keepRecords: the JSON text of each record kept, by its index in `records`. */
  const texts: Array<[number, string]> = [];
  for (let i = start; i < end; i++) {
    const rf = files[i]!;
    let read = reader;
    if (hashing) {
      const bytes = readRecordBytes(rf.file, rf.abs);
      const hash = bytes.ok ? bytesHash(bytes.bytes) : null;
      hashes.push(hash);
      stamps.push(bytes.ok ? bytes.stamp : null);
      if (hash !== null && hash === hashing.expected[i]) {
        records.push(CACHED);
        frameLines.push(null);
        continue;
      }
      read = () => (bytes.ok ? decodeRecordBytes(rf.file, bytes.bytes) : bytes);
    }
    /** With frames: the file's text, while the file is checked. */
    let text: string | undefined;
    const source = read;
    if (frames)
      read = (f) => {
        const r = source(f);
        if (r.ok) text = r.text;
        return r;
      };
    // Each file is checked as soon as it is loaded, so that its parsed data dies young (checking a
    // chunk's records together kept them all alive, and the garbage collector copying them).
    const first = diagnostics.length;
    const loaded = loadRecord(rf, set, diagnostics, read);
    if (loaded.ok) {
      const r = loaded.record;
      const c = checkableRecord(r, set);
      if (c) runChecks(RECORD_CHECKS, [c], NO_INDEX, env, diagnostics, { untimed: true, publishers, strict: true });
      if (keepRecords) texts.push([records.length, JSON.stringify(r.data)]);
      const figures = keepRecords && r.schemaOk ? recordFigures(r, publishers) : undefined;
      const lookup = keepRecords && r.schemaOk ? lookupOf(r.type, r.data) : undefined;
      records.push({ view: project(r.data, env.datasetShape[r.type]) as Record<string, unknown>, schemaOk: r.schemaOk, mayHaveEscapes: r.mayHaveEscapes !== false, ...(figures ? { figures } : {}), ...(lookup ? { lookup } : {}) });
    } else records.push(null);
    if (frames) frameLines.push(frameLinesOf(diagnostics, first, text));
  }
  if (texts.length > 0) packTexts(records as ParsedRecord[], texts);
  return { start, diagnostics, records, ...(hashing ? { hashes, stamps } : {}), ...(frames ? { frames: frameLines } : {}) };
}

/**
 * Gives each kept record its JSON text as UTF-8 bytes, all in one buffer: a worker posts a chunk with a
 * single buffer to copy (views into it keep their place), not one per record.
 */
function packTexts(records: ParsedRecord[], texts: ReadonlyArray<[number, string]>): void {
  // Each text's length is counted once and the text encoded straight into its place, in a buffer of its
  // own (Buffer.alloc never takes from the shared pool); JSON.stringify leaves no lone surrogate, so
  // the lengths counted are the bytes written.
  const lengths = texts.map(([, text]) => Buffer.byteLength(text));
  const bytes = Buffer.alloc(lengths.reduce((sum, n) => sum + n, 0));
  let at = 0;
  texts.forEach(([index, text], i) => {
    const length = bytes.write(text, at);
    records[index]!.full = bytes.subarray(at, at + length);
    at += lengths[i]!;
  });
}

/** A file's lines for the code frames of its diagnostics (those from `first` on), from its text; null when none is shown. */
function frameLinesOf(diagnostics: readonly Diagnostic[], first: number, text: string | undefined): FrameLines | null {
  if (text === undefined) return null;
  const list = diagnostics.slice(first).filter(framed);
  return list.length > 0 ? keptFrameLinesOfText(text, list) : null;
}
