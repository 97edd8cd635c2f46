import fs from "node:fs";
import path from "node:path";
import { caseClashes, classify, discover, type Discovery, type RecordFile } from "./load/discover.ts";
import { decodeRecordBytes, readRecordBytes } from "./load/read-file.ts";
import { lstatStamp, stampsInWorker } from "./load/stamps.ts";
import { checkableRecord, loadRecord, locateReading, parseRecordText, readFromDisk, type Reader } from "./load/load-record.ts";
import { MemoryStore, type BytesStore, type KeptRecord } from "./load/kept-records.ts";
import { CACHED, loadChunk, type ChunkResult, type FileStage, type Hashing, type ParsedRecord } from "./load/load-chunk.ts";
import { CHUNK_SIZE, encodeFiles, holdsAtLeast, PARALLEL_THRESHOLD, startWorkers, type WorkerPool } from "./load/parallel.ts";
import { checkEnv, datasetView, DATASET_CHECKS, dropStrictOnly, runChecks, type CheckEnv } from "./check/run-checks.ts";
import type { IndexEntry, LoadedRecord } from "./check/types.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { loadSchemaSet, type SchemaSet } from "./schemas.ts";
import { phaseTimer } from "./timings.ts";
import { EMPTY_REGISTRY, loadPublishers, PUBLISHERS_FILE, type LoadedRegistry, type PublisherRegistry } from "./publishers/registry.ts";
import { append } from "./collections.ts";
import { bytesHash, CACHE_MIN_FILES, readEditionIds, ValidationCache, type ForumEditionIds, type FrameLines, type Verdict } from "./cache/validation-cache.ts";
import { validationInputs } from "./cache/inputs.ts";
import type { RecordFigures } from "./quality/measure.ts";

export interface ValidateOptions {
  root: string;
  /** Folder holding the records; defaults to `<root>/data`. */
  dataDir?: string;
  /** Check only these record files (paths relative to root); the rest of the dataset is indexed by file name. */
  only?: readonly string[];
  /** The dataset's files as the caller listed them (`discover(root, dataDir)`), so that they are not listed again. */
  discovered?: Discovery;
  schemaSet?: SchemaSet;
  /**
   * An in-memory dataset instead of the files on disk: paths relative to root (`data/actors/x.yaml`)
   * to contents. Used by property tests and benchmarks; goes through the same classification,
   * decoding and parsing as files on disk.
   */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** Load the files in worker threads on large runs (default true). */
  parallel?: boolean;
  /**
   * Return the records checked, whole (the build publishes them), as JSON bytes held in memory, or in
   * the store given; by default only diagnostics come back.
   */
  keepRecords?: boolean | BytesStore;
  /** Also run the checks that only `--strict` runs (such as hosts missing from the publishers registry). */
  strict?: boolean;
  /**
   * The validation cache (cache/validation-cache.ts): its file, and the hash of the inputs it is keyed
   * by (computed from the schemas, the check code and the registry when not given). Not used with
   * `files` or `keepRecords`, whose runs read every record anyway. Partial runs of fewer than
   * CACHE_MIN_FILES files read it (for the views of the records they do not check) but do not write it.
   */
  cache?: {
    file: string;
    inputs?: string;
  };
  /**
   * The caller's report shows code frames: the per-file stage keeps the lines they show from the text
   * it has in hand, and the result's `frames` hands them on (see ReportFrames). The cache, if any, is
   * then written only when the caller calls `frames.save`, after the report, keeping the lines it read.
   */
  frames?: boolean;
}

/** The publishers registry of the dataset being checked (`data/publishers.yaml`), empty when there is none. */
function publishersFor(options: ValidateOptions, set: SchemaSet, dataDir: string): LoadedRegistry {
  if (options.files) {
    const content = options.files[`data/${PUBLISHERS_FILE}`];
    return content === undefined ? { registry: EMPTY_REGISTRY, diagnostics: [] } : loadPublishers(options.root, dataDir, set, content);
  }
  return fs.existsSync(path.join(dataDir, PUBLISHERS_FILE)) ? loadPublishers(options.root, dataDir, set) : { registry: EMPTY_REGISTRY, diagnostics: [] };
}

function discoverInMemory(root: string, files: Readonly<Record<string, string | Uint8Array>>): { found: Discovery; read: Reader } {
  const records: RecordFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rel of Object.keys(files).sort()) {
    if (!rel.startsWith("data/") || rel === `data/${PUBLISHERS_FILE}`) continue;
    const verdict = classify(root, path.join(root, "data"), rel.slice("data/".length), false);
    if ("code" in verdict) diagnostics.push(verdict);
    else records.push(verdict);
  }
  append(diagnostics, caseClashes(records));
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
  /** With `keepRecords`: the records checked that passed their schema, whole, as read (the build publishes from these). */
  records: KeptRecord[];
  /** How many files worker threads loaded (0 when the run was not split). */
  loadedInWorker: number;
  /** The publishers registry the checks used. */
  publishers: PublisherRegistry;
  /** How many files' verdicts came from the validation cache (neither parsed nor checked again). */
  fromCache: number;
  /** One-line notices for the user (such as a validation cache that was unusable and rebuilt). */
  notices: string[];
  /** With `frames`: the lines kept for code frames, and the writing of the cache, left to the caller. */
  frames?: ReportFrames;
}

/**
 * A report with code frames: the lines its frames show, kept by the per-file stage or cached with a
 * verdict found unchanged, and the writing of the validation cache (if any) once the report is made,
 * keeping the lines the report read from files (so that the next report of the file need not read it).
 */
export interface ReportFrames {
  lines(file: string): FrameLines | undefined;
  /** Writes the cache (when the run is one that writes it); returns a notice when it could not. */
  save(read: ReadonlyMap<string, FrameLines>): string | undefined;
}

/** A record file's data, parsed but not checked; undefined if it cannot be read or parsed. */
function parseOnly(rf: RecordFile, reader: Reader): Record<string, unknown> | undefined {
  const read = reader(rf);
  if (!read.ok) return undefined;
  const parsed = parseRecordText(rf.file, read.text);
  return parsed.ok ? parsed.parsed.data : undefined;
}

/** A forum's edition ids in order, null for an edition without a string id (buildIndex skips those). */
function editionIdsOf(forum: Record<string, unknown> | undefined): Array<string | null> {
  const editions = forum?.editions;
  return (Array.isArray(editions) ? (editions as unknown[]) : []).map((e) => {
    const id = (e as Record<string, unknown> | null)?.id;
    return typeof id === "string" ? id : null;
  });
}

/**
 * Builds the id index: records (by file name), forum editions and tombstones. `loaded` holds the
 * records checked in this run (undefined for files that did not parse); others are read on demand.
 */
function buildIndex(
  files: readonly RecordFile[],
  loaded: ReadonlyMap<RecordFile, LoadedRecord | undefined>,
  set: SchemaSet,
  env: CheckEnv,
  reader: Reader,
  cached?: (rf: RecordFile) => LoadedRecord | null | undefined,
  knownEditionIds?: (rf: RecordFile) => ReadonlyArray<string | null> | undefined,
): Map<string, IndexEntry[]> {
  const index = new Map<string, IndexEntry[]>();
  const add = (e: IndexEntry): void => {
    const list = index.get(e.id);
    if (list) list.push(e);
    else index.set(e.id, [e]);
  };
  // Records not checked in this run are read only if a check asks for their data, from the validation
  // cache when it holds their view.
  const others = new Map<RecordFile, LoadedRecord | undefined>();
  const fromCache = (rf: RecordFile): boolean => {
    const record = cached?.(rf);
    if (record !== undefined) others.set(rf, record ?? undefined);
    return record !== undefined;
  };
  const recordOf = (rf: RecordFile): LoadedRecord | undefined => {
    if (loaded.has(rf)) return loaded.get(rf);
    if (!others.has(rf) && !fromCache(rf)) {
      const result = loadRecord(rf, set, [], reader);
      others.set(rf, result.ok ? datasetView(result.record, env) : undefined);
    }
    return others.get(rf);
  };
  for (const rf of files) {
    const data = (): Record<string, unknown> | undefined => {
      const r = recordOf(rf);
      return r?.schemaOk ? r.data : undefined;
    };
    if (rf.type !== "forum") {
      add({ id: rf.id, type: rf.type, file: rf.file, pointer: "", data });
      continue;
    }
    // Edition ids live inside forum files, so forums are always read to index them (unless their ids
    // are known from an earlier run, for an unchanged file); one not checked in this run is only parsed
    // here, and schema-checked if a check asks for an edition's data.
    const known = loaded.has(rf) || others.has(rf) ? undefined : knownEditionIds?.(rf);
    const forum = known ? undefined : loaded.has(rf) ? loaded.get(rf)?.data : others.has(rf) || fromCache(rf) ? others.get(rf)?.data : parseOnly(rf, reader);
    add({ id: rf.id, type: rf.type, file: rf.file, pointer: "", data, ...(forum === undefined && !known ? { unparsed: true } : {}) });
    (known ?? editionIdsOf(forum)).forEach((id, i) => {
      if (id === null) return;
      const editionData = (): Record<string, unknown> | undefined => {
        const record = recordOf(rf);
        return record?.schemaOk ? ((record.data.editions as unknown[])[i] as Record<string, unknown>) : undefined;
      };
      add({ id, type: "edition", file: rf.file, pointer: `/editions/${i}`, data: editionData });
    });
  }
  return index;
}

/**
 * Validates the dataset: every file gets a verdict; schema problems first, then the checks on
 * records that passed their schema. Diagnostics come back in a stable order.
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const time = phaseTimer("validate");
  const set = options.schemaSet ?? loadSchemaSet();
  time("schemas");
  const dataDir = options.dataDir ?? path.join(options.root, "data");
  // Workers start before the files are listed, so that their start-up overlaps the listing; with a
  // validation cache present, most files are likely unchanged, and they start later if many are not.
  const large = options.only ? options.only.length >= PARALLEL_THRESHOLD : holdsAtLeast(dataDir, PARALLEL_THRESHOLD);
  const cacheFound = options.cache !== undefined && !options.files && options.keepRecords !== true && fs.existsSync(options.cache.file);
  const workers = options.parallel !== false && !options.files && large && !cacheFound ? startWorkers(set.dir) : undefined;
  try {
    return await validateWith(options, set, dataDir, workers, time);
  } finally {
    // Idle workers would keep the process alive; stop them whatever happened.
    workers?.close();
  }
}

/** Diagnostics grouped by file, each file's in the order they came. */
function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = out.get(d.file);
    if (list) list.push(d);
    else out.set(d.file, [d]);
  }
  return out;
}

async function validateWith(options: ValidateOptions, set: SchemaSet, dataDir: string, workers: WorkerPool | undefined, time: (phase: string) => void): Promise<ValidateResult> {
  const source = options.files ? discoverInMemory(options.root, options.files) : { found: options.discovered ?? (await discover(options.root, dataDir)), read: readFromDisk };
  const found = source.found;
  const diagnostics: Diagnostic[] = [];
  const only = options.only ? new Set(options.only) : undefined;
  // Files that are not records always get their verdict when the whole dataset is checked; in a
  // partial run, only those named.
  const notRecords = found.diagnostics.filter((d) => !only || only.has(d.file));
  append(diagnostics, notRecords);
  const targets = only ? found.records.filter((r) => only.has(r.file)) : found.records;
  time(`discover ${found.records.length} files`);
  // Registry problems are reported in every run, partial or not: the source checks of any record rely on it.
  const publishers = publishersFor(options, set, dataDir);
  append(diagnostics, publishers.diagnostics);

  const store: BytesStore | undefined = options.keepRecords === true ? new MemoryStore() : options.keepRecords || undefined;
  const keep = store !== undefined;
  /** With keepRecords: where each target's bytes went, by index into targets (its data leaves the outcome as it comes). */
  const stored: Array<{ at: number; length: number; figures?: RecordFigures; lookup?: Record<string, unknown> } | undefined> = [];
  const frames = options.frames === true;
  /** With frames and no cache: the lines kept by the per-file stage (the cache keeps them with the verdicts). */
  const keptFrames = new Map<string, FrameLines>();
  const env = checkEnv(set);
  const stage: FileStage = { set, env, publishers: publishers.registry };
  const outcomes: Array<ParsedRecord | null | undefined> = new Array(targets.length);
  // Keyed by the file's object, not its path: a lookup by identity is cheap, one by a path among
  // 100,000 compares strings far apart in memory.
  const loaded = new Map<RecordFile, LoadedRecord | undefined>();
  const cacheInputs = options.cache && !options.files && !keep ? (options.cache.inputs ?? validationInputs({ schemasDir: set.dir, dataDir })) : undefined;
  // A run of a few files, which does not write the cache, reads the edition ids kept beside it rather
  // than the whole cache (see readEditionIds): it checks its few files afresh, and reads the other
  // records a check asks for from their files.
  const few = only !== undefined && targets.length < Math.min(CACHE_MIN_FILES, found.records.length);
  const editionIds = few && cacheInputs !== undefined ? readEditionIds(options.cache!.file, cacheInputs) : {};
  const cache = cacheInputs !== undefined && !editionIds.forums ? ValidationCache.open(options.cache!.file, cacheInputs) : undefined;
  if (cache) time("cache read");
  else if (editionIds.forums) time("edition ids read");
  let fromCache = 0;
  const settle = (at: number, outcome: ParsedRecord | null): void => {
    const rf = targets[at]!;
    outcomes[at] = outcome;
    if (store && outcome?.full) {
      if (outcome.schemaOk) stored[at] = { at: store.put(outcome.full), length: outcome.full.length, ...(outcome.figures ? { figures: outcome.figures } : {}), ...(outcome.lookup ? { lookup: outcome.lookup } : {}) };
      delete outcome.full;
      delete outcome.figures;
      delete outcome.lookup;
    }
    loaded.set(rf, outcome ? { file: rf.file, type: rf.type, fileId: rf.id, data: outcome.view, locate: locateReading(rf, source.read), schemaOk: outcome.schemaOk, mayHaveEscapes: outcome.mayHaveEscapes } : undefined);
  };
  // A verdict with a view is a parsed record as it is (one object less per cached file).
  const fromVerdict = (verdict: Verdict): ParsedRecord | null => (verdict.view ? (verdict as ParsedRecord) : null);
  // With the cache, a file whose stat stamp is the cached one keeps its cached verdict unread; the others
  // (`pending`, by index into targets) are read and their bytes hashed first: those whose hash is the
  // cached one keep their verdict too, and every other file's verdict is cached for the next run.
  let pending: number[] | undefined;
  if (cache && cache.size > 0) {
    pending = [];
    // Every stamp first, then every verdict: the file system's lookups interleaved with decoding
    // verdicts took half as long again. A large run takes the stamps in a worker thread and decodes the
    // verdicts meanwhile (a file found changed has its verdict decoded for nothing).
    const inWorker = options.parallel !== false && targets.length >= PARALLEL_THRESHOLD ? stampsInWorker(targets.map((rf) => rf.abs)) : undefined;
    // Each file's cached entry is looked up once (a lookup in a map of 100,000 paths costs cache misses).
    const entries = cache.entriesOf(targets.map((rf) => rf.file));
    if (inWorker) {
      targets.forEach((rf, i) => {
        if (entries[i]?.stamp) cache.decodeEntry(rf.file, entries[i]);
      });
      time("verdicts decoded");
    }
    const stamps = (await inWorker) ?? targets.map((rf, i) => (entries[i]?.stamp ? lstatStamp(rf.abs) : ""));
    time(inWorker ? "stat stamps (worker)" : "stat stamps");
    for (let i = 0; i < targets.length; i++) {
      const rf = targets[i]!;
      const verdict = stamps[i] ? cache.takeEntry(rf.file, entries[i], undefined, stamps[i]!) : undefined;
      if (verdict) {
        fromCache++;
        append(diagnostics, verdict.diagnostics);
        settle(i, fromVerdict(verdict));
      } else pending.push(i);
    }
    time(`stamps (${fromCache} files unchanged)`);
  }
  const files = pending ? pending.map((i) => targets[i]!) : targets;
  const indexOf = (k: number): number => (pending ? pending[k]! : k);
  const hashing: Hashing | undefined = cache ? { expected: files.map((rf) => cache.hashOf(rf.file) ?? "") } : undefined;
  const take = (chunk: ChunkResult): void => {
    append(diagnostics, chunk.diagnostics);
    const perFile = cache ? byFile(chunk.diagnostics) : undefined;
    chunk.records.forEach((o, i) => {
      const k = chunk.start + i;
      const rf = files[k]!;
      const hash = chunk.hashes?.[i] ?? null;
      const stamp = chunk.stamps?.[i] ?? "";
      if (o === CACHED) {
        const verdict = hash === null ? undefined : cache?.take(rf.file, hash, stamp);
        if (!verdict) {
          // A cached verdict that cannot be decoded: the file is loaded after all.
          (hashing!.expected as string[])[k] = "";
          take(loadChunk(files, k, k + 1, stage, source.read, { keepRecords: keep, hashing, frames }));
          return;
        }
        fromCache++;
        append(diagnostics, verdict.diagnostics);
        settle(indexOf(k), fromVerdict(verdict));
      } else {
        const lines = chunk.frames?.[i] ?? undefined;
        if (cache && hash !== null) cache.put(rf.file, hash, stamp, { diagnostics: perFile?.get(rf.file) ?? [], view: o?.view ?? null, schemaOk: o?.schemaOk ?? false, mayHaveEscapes: o?.mayHaveEscapes ?? false }, lines);
        else if (lines) keptFrames.set(rf.file, lines);
        settle(indexOf(k), o);
      }
    });
  };
  // Records a partial run does not check but the index or a check needs: their cached view, when the
  // file's stamp or bytes are those cached.
  const cachedRecord = cache
    ? (rf: RecordFile): LoadedRecord | null | undefined => {
        let verdict = cache.stampOf(rf.file) ? cache.take(rf.file, undefined, lstatStamp(rf.abs)) : undefined;
        if (!verdict) {
          const bytes = readRecordBytes(rf.file, rf.abs);
          verdict = bytes.ok ? cache.take(rf.file, bytesHash(bytes.bytes), bytes.stamp) : undefined;
        }
        if (!verdict) return undefined;
        return verdict.view ? { file: rf.file, type: rf.type, fileId: rf.id, data: verdict.view, locate: locateReading(rf, source.read), schemaOk: verdict.schemaOk, mayHaveEscapes: verdict.mayHaveEscapes } : null;
      }
    : undefined;

  // Large runs load the files in worker threads, which take chunks from one counter; the main thread
  // collects each chunk as it comes. The dataset checks below need every record, so they run once all
  // chunks are in. A run that found a cache did not start them: it starts them now if enough files changed.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let loadedInWorker = 0;
  let pool = workers;
  if (!pool && options.parallel !== false && !options.files && cache && files.length >= PARALLEL_THRESHOLD) pool = startWorkers(set.dir);
  try {
    if (pool && files.length >= PARALLEL_THRESHOLD) {
      await pool.run({ files: encodeFiles(files), keepRecords: keep, frames, counter, publishers: publishers.registry, ...(hashing ? { expected: hashing.expected.join("\0") } : {}) }, (chunk) => {
        take(chunk);
        loadedInWorker += chunk.records.length;
      });
    }
  } finally {
    if (pool !== workers) pool?.close();
  }
  time(`workers' chunks (${loadedInWorker} files)`);
  // Whatever no worker loaded (one core, a small run, a failed worker) is loaded here: nothing is skipped.
  for (let k = 0; k < files.length; k++) {
    if (outcomes[indexOf(k)] !== undefined) continue;
    let end = k + 1;
    while (end < files.length && outcomes[indexOf(end)] === undefined && end - k < CHUNK_SIZE) end++;
    take(loadChunk(files, k, end, stage, source.read, { keepRecords: keep, hashing, frames }));
    k = end - 1;
  }
  time("main thread's chunks");
  // In file order, whichever thread loaded them, so that every run checks in the same order.
  // Records that failed their schema are checked as far as they are well-formed, so that one run
  // reports every problem: they are rare, so their well-formed part is worked out here, from the file.
  const checkable = targets.flatMap((rf): LoadedRecord[] => {
    const r = loaded.get(rf);
    if (!r) return [];
    if (r.schemaOk) return [r];
    const again = loadRecord(rf, set, [], source.read);
    const part = again.ok ? checkableRecord(again.record, set) : undefined;
    return part ? [{ ...datasetView(part, env), locate: r.locate }] : [];
  });
  const knownEditionIds = editionIds.forums
    ? (rf: RecordFile): ReadonlyArray<string | null> | undefined => {
        const kept: ForumEditionIds | undefined = editionIds.forums!.get(rf.file);
        return kept && kept.stamp === lstatStamp(rf.abs) ? kept.ids : undefined;
      }
    : undefined;
  const index = buildIndex(found.records, loaded, set, env, source.read, cachedRecord, knownEditionIds);
  time("index");
  runChecks(DATASET_CHECKS, checkable, index, env, diagnostics, { publishers: publishers.registry, strict: options.strict === true });
  time("dataset checks");
  const kept = dropStrictOnly(diagnostics, options.strict === true).sort(compareDiagnostics);
  const notices: string[] = editionIds.notice ? [editionIds.notice] : [];
  let reportFrames: ReportFrames | undefined;
  let save = (_read?: ReadonlyMap<string, FrameLines>): void => undefined;
  if (cache) {
    // Verdicts of files this run did not check are kept; those of files that no longer exist are dropped.
    // A run of a few files leaves the cache as it was (see CACHE_MIN_FILES).
    save = (read?: ReadonlyMap<string, FrameLines>): void => {
      if (targets.length < Math.min(CACHE_MIN_FILES, found.records.length)) return;
      cache.save(
        found.records.map((rf) => rf.file),
        read,
      );
      // Only a run that loaded every forum knows every forum's edition ids (one that did not parse is left out).
      const forums = found.records.filter((rf) => rf.type === "forum");
      if (forums.every((rf) => loaded.has(rf))) cache.saveEditionIds(forums.flatMap((rf) => {
          const forum = loaded.get(rf);
          return forum ? [[rf.file, editionIdsOf(forum.data)] as const] : [];
        }));
    };
  }
  if (frames) {
    if (cache?.notice) notices.push(cache.notice);
    reportFrames = {
      lines: (file) => keptFrames.get(file) ?? cache?.framesOf(file),
      save: (read) => {
        const before = cache?.notice;
        save(read);
        return cache?.notice === before ? undefined : cache?.notice;
      },
    };
  } else if (cache) {
    save();
    if (cache.notice) notices.push(cache.notice);
    time("cache saved");
  }
  const records = store ? targets.flatMap((rf, i): KeptRecord[] => (stored[i] ? [{ type: rf.type, file: rf.file, id: String(outcomes[i]!.view.id), store, ...stored[i] }] : [])) : [];
  return { diagnostics: kept, filesChecked: targets.length + notRecords.length + (publishers.registry.file || publishers.diagnostics.length ? 1 : 0), recordsChecked: targets.length, records, loadedInWorker, publishers: publishers.registry, fromCache, notices, ...(reportFrames ? { frames: reportFrames } : {}) };
}
