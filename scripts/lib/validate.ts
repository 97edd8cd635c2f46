import path from "node:path";
import { caseClashes, classify, discover, type Discovery, type RecordFile } from "./load/discover.ts";
import { decodeRecordBytes, readRecordFile, type ReadResult } from "./load/read-file.ts";
import { parseRecordYaml, type ParseResult } from "./load/parse-yaml.ts";
import { fastParse } from "./load/fast-parse.ts";
import { loadInWorker, PARALLEL_THRESHOLD, workerShare } from "./load/parallel.ts";
import { SCHEMAS_DIR } from "./paths.ts";
import type { Locate } from "./check/schema-check.ts";

/**
 * Positions for a record read by the fast parser or in a worker thread: the file is read and parsed
 * positionally only if a diagnostic needs a position. Holding no text keeps a large run's heap small.
 */
function locateReading(rf: RecordFile, reader: Reader): Locate {
  let locate: Locate | undefined;
  return (pointer, options) => {
    if (!locate) {
      const read = reader(rf);
      locate = read.ok ? locateLazily(rf.file, read.text) : () => ({ line: 1, col: 1 });
    }
    return locate(pointer, options);
  };
}

/** Positions for a file read by the fast parser: parsed positionally the first time one is asked for. */
function locateLazily(file: string, text: string): Locate {
  let locate: Locate | undefined;
  return (pointer, options) => {
    if (!locate) {
      const parsed = parseRecordYaml(file, text);
      locate = parsed.ok ? parsed.parsed.locate : () => ({ line: 1, col: 1 });
    }
    return locate(pointer, options);
  };
}
import { schemaDiagnostics } from "./check/schema-check.ts";
import { CHECKS } from "./check/registry.ts";
import type { CheckContext, IndexEntry, LoadedRecord } from "./check/types.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { loadSchemaSet, type SchemaSet } from "./schemas.ts";
import { fieldPaths, type FieldPaths } from "./schema-paths.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "./record-types.ts";
import { SCHEMA_CODES } from "./codes.ts";

export interface ValidateOptions {
  root: string;
  /** Folder holding the records; defaults to `<root>/data`. */
  dataDir?: string;
  /** Check only these record files (paths relative to root); the rest of the dataset is indexed by file name. */
  only?: readonly string[];
  schemaSet?: SchemaSet;
  /**
   * An in-memory dataset instead of the files on disk: paths relative to root (`data/actors/x.yaml`)
   * to contents. Used by property tests and benchmarks; goes through the same classification,
   * decoding and parsing as files on disk.
   */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** Share the per-file stage with a worker thread on large runs (default true). */
  parallel?: boolean;
}

type Reader = (rf: RecordFile) => ReadResult;
const readFromDisk: Reader = (rf) => readRecordFile(rf.file, rf.abs);

function discoverInMemory(root: string, files: Readonly<Record<string, string | Uint8Array>>): { found: Discovery; read: Reader } {
  const records: RecordFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rel of Object.keys(files).sort()) {
    if (!rel.startsWith("data/")) continue;
    const verdict = classify(root, path.join(root, "data"), rel.slice("data/".length), false);
    if ("code" in verdict) diagnostics.push(verdict);
    else records.push(verdict);
  }
  diagnostics.push(...caseClashes(records));
  const encoder = new TextEncoder();
  return {
    found: { records, diagnostics },
    read: (rf) => {
      const content = files[rf.file]!;
      return decodeRecordBytes(rf.file, typeof content === "string" ? encoder.encode(content) : content);
    },
  };
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** Files given a verdict (records checked, plus files that are not records). */
  filesChecked: number;
  recordsChecked: number;
  /** The records checked that passed their schema, as read: the build publishes from these. */
  records: LoadedRecord[];
  /** How many files a worker thread loaded (0 when the run was not split). */
  loadedInWorker: number;
}

type Loaded = { ok: true; record: LoadedRecord } | { ok: false };

/** Reads, parses and schema-checks one record file. Never throws: every failure becomes a diagnostic. */
export function loadRecord(rf: RecordFile, set: SchemaSet, out: Diagnostic[], reader: Reader = readFromDisk): Loaded {
  const read = reader(rf);
  if (!read.ok) {
    out.push(read.diagnostic);
    return { ok: false };
  }
  const fast = fastParse(read.text);
  const parsed: ParseResult = fast ? { ok: true, parsed: { data: fast, locate: locateReading(rf, reader) } } : parseRecordYaml(rf.file, read.text);
  if (!parsed.ok) {
    out.push(...parsed.diagnostics);
    return { ok: false };
  }
  const { data, locate } = parsed.parsed;
  const problems = schemaDiagnostics(rf.file, data, set.validators[rf.type], locate, set.schemas);
  if (problems.length > 0) {
    const other = RECORD_TYPE_NAMES.find((t) => t !== rf.type && set.validators[t](data));
    if (other) {
      out.push({ file: rf.file, line: 1, col: 1, severity: SCHEMA_CODES.ID004.severity, code: "ID004", message: `this is ${/^[aeiou]/.test(other) ? "an" : "a"} ${other} record in the ${rf.type} folder`, tip: `move it to data/${RECORD_TYPES[other].folder}/` });
    } else out.push(...problems);
  }
  return { ok: true, record: { file: rf.file, type: rf.type, fileId: rf.id, data, locate, schemaOk: problems.length === 0, mayHaveEscapes: read.text.includes("\\") } };
}

/** Builds the id index: records (by file name), forum editions and tombstones. */
function buildIndex(files: readonly RecordFile[], loaded: ReadonlyMap<string, LoadedRecord>, set: SchemaSet, reader: Reader): Map<string, IndexEntry[]> {
  const index = new Map<string, IndexEntry[]>();
  const add = (e: IndexEntry): void => {
    const list = index.get(e.id);
    if (list) list.push(e);
    else index.set(e.id, [e]);
  };
  // Records not checked in this run are read only if a check asks for their data.
  const cache = new Map<string, LoadedRecord | undefined>(loaded);
  const recordData = (rf: RecordFile): LoadedRecord | undefined => {
    if (!cache.has(rf.file)) {
      const result = loadRecord(rf, set, [], reader);
      cache.set(rf.file, result.ok ? result.record : undefined);
    }
    return cache.get(rf.file);
  };
  for (const rf of files) {
    add({ id: rf.id, type: rf.type, file: rf.file, pointer: "", data: () => { const r = recordData(rf); return r?.schemaOk ? r.data : undefined; } });
    if (rf.type === "forum") {
      // Edition ids live inside forum files, so forums are always read to index them.
      const forum = recordData(rf);
      const editions = Array.isArray(forum?.data.editions) ? (forum.data.editions as unknown[]) : [];
      editions.forEach((e, i) => {
        const id = (e as Record<string, unknown> | null)?.id;
        if (typeof id === "string") add({ id, type: "edition", file: rf.file, pointer: `/editions/${i}`, data: () => (forum?.schemaOk ? (e as Record<string, unknown>) : undefined) });
      });
    }
  }
  return index;
}

let pathsCache: { set: SchemaSet; paths: Record<RecordType, FieldPaths> } | undefined;
function pathsFor(set: SchemaSet): Record<RecordType, FieldPaths> {
  if (pathsCache?.set !== set) {
    const paths = {} as Record<RecordType, FieldPaths>;
    for (const t of RECORD_TYPE_NAMES) paths[t] = fieldPaths(RECORD_TYPES[t].schema, set.schemas);
    pathsCache = { set, paths };
  }
  return pathsCache.paths;
}

/**
 * Validates the dataset: every file gets a verdict; schema problems first, then the checks on
 * records that passed their schema. Diagnostics come back in a stable order.
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const set = options.schemaSet ?? loadSchemaSet();
  const dataDir = options.dataDir ?? path.join(options.root, "data");
  const source = options.files ? discoverInMemory(options.root, options.files) : { found: await discover(options.root, dataDir), read: readFromDisk };
  const found = source.found;
  const diagnostics: Diagnostic[] = [];
  const only = options.only ? new Set(options.only) : undefined;
  // Files that are not records always get their verdict when the whole dataset is checked; in a
  // partial run, only those named.
  diagnostics.push(...found.diagnostics.filter((d) => !only || only.has(d.file)));
  const targets = only ? found.records.filter((r) => only.has(r.file)) : found.records;

  const loaded = new Map<string, LoadedRecord>();
  const apply = (rf: RecordFile, mine: Diagnostic[], record: LoadedRecord | undefined): void => {
    diagnostics.push(...mine);
    if (record) loaded.set(rf.file, record);
  };
  const todo = [...targets];
  // Large runs split the per-file stage with a worker thread; the checks below need every record, so
  // they run here once both halves are in.
  const parallel = options.parallel !== false && !options.files && !options.schemaSet && todo.length >= PARALLEL_THRESHOLD;
  const share = parallel ? todo.splice(todo.length - workerShare(todo.length)) : [];
  const fromWorker = share.length > 0 ? loadInWorker(share, SCHEMAS_DIR)?.catch(() => undefined) : undefined;
  const loadHere = (list: readonly RecordFile[]): void => {
    for (const rf of list) {
      const mine: Diagnostic[] = [];
      const result = loadRecord(rf, set, mine, source.read);
      apply(rf, mine, result.ok ? result.record : undefined);
    }
  };
  loadHere(todo);
  const results = fromWorker ? await fromWorker : undefined;
  const loadedInWorker = results && results.length === share.length ? share.length : 0;
  if (loadedInWorker > 0 && results) {
    share.forEach((rf, i) => {
      const r = results[i]!;
      const record: LoadedRecord | undefined = r.data ? { file: rf.file, type: rf.type, fileId: rf.id, data: r.data, schemaOk: r.schemaOk === true, locate: locateReading(rf, source.read), ...(r.mayHaveEscapes !== undefined ? { mayHaveEscapes: r.mayHaveEscapes } : {}) } : undefined;
      apply(rf, r.diagnostics, record);
    });
  } else loadHere(share); // one core, or the worker failed: nothing is skipped
  const index = buildIndex(found.records, loaded, set, source.read);
  const records = [...loaded.values()].filter((r) => r.schemaOk);
  const ctx: CheckContext = {
    records,
    index,
    paths: pathsFor(set),
    fields: Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, Object.keys((set.schemas.get(RECORD_TYPES[t].schema)?.properties ?? {}) as object)])) as Record<RecordType, string[]>,
    report: () => undefined,
  };
  for (const check of CHECKS) {
    ctx.report = (record, pointer, message, opts = {}) => {
      const pos = record.locate(pointer, { key: opts.key ?? false });
      diagnostics.push({ file: record.file, line: pos.line, col: pos.col, severity: check.severity, code: check.code, message, pointer, ...(opts.tip ? { tip: opts.tip } : {}) });
    };
    check.run(ctx);
  }
  diagnostics.sort(compareDiagnostics);
  const notRecords = found.diagnostics.filter((d) => !only || only.has(d.file)).length;
  return { diagnostics, filesChecked: targets.length + notRecords, recordsChecked: targets.length, records, loadedInWorker };
}
