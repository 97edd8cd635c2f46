/**
 * The build, step by step: collect (validate, refuse on errors) → derive → normalize → write json,
 * ndjson, csv, datapackage, schemas and the compiled package aside → manifest → atomic swap into place.
 */
import fs from "node:fs";
import path from "node:path";
import { loadSchemaSet, type JsonSchema } from "../schemas.ts";
import { publicValidators } from "./public-validators.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import { ROOT } from "../paths.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { collect } from "./collect.ts";
import { Publisher, type PublishedRecords } from "./records.ts";
import { publicSchemas } from "./public-schemas.ts";
import { datasetMetadata, schemaFiles, writeDatapackage } from "./outputs.ts";
import { LocalRecordFiles, writeRecordFiles } from "./record-files.ts";
import { startReleaseWriter, type ReleaseWriter } from "./release-writer.ts";
import type { FileHash } from "./manifest.ts";
import { jsonText } from "../json-text.ts";
import { OutputDir } from "./output-file.ts";
import { datasetVersion, epochSeconds, sourceInfo } from "./source-info.ts";
import { compilePackage } from "./package-lib.ts";
import { writeParquet } from "./parquet/write.ts";
import { eventsTable, InteropWriter } from "../interop/write.ts";
import { releaseCitation } from "../release/citation.ts";
import { releaseTextFiles } from "../release/text-files.ts";
import { MANIFEST, writeManifest } from "./manifest.ts";
import { QUALITY_FILE, type Quality } from "../quality/measure.ts";
import { prettyJson } from "./json.ts";
import { phaseTimer } from "../timings.ts";
import { checkOutput, repositoryFolders, writeMarker } from "../output-guard.ts";
import type { BytesStore } from "../load/kept-records.ts";
import { ScratchFile } from "../scratch-file.ts";
import { countBySeverity } from "../diagnostics.ts";
import { createTempRelease, ownReleaseOf, removeDeadTempReleases, swapIntoPlace, withLock, recover } from "./atomic.ts";

/** The scratch file of the source records, in the release's temporary folder. */
const RECORDS_SCRATCH = ".source-records.json";

export const PAUSE_ENV = "SIDELINES_BUILD_PAUSE_AFTER_WRITE";
/** The line a paused build prints (then waits up to this long): tests kill it there. */
export const PAUSE_MARKER = "build: paused after writing";
const PAUSE_MS = 60_000;

export interface BuildOptions {
  /** The folder holding data/. */
  root: string;
  /** Where the release goes; default `<root>/dist`. */
  out?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Where a notice of something that went wrong but did not stop the build goes (default: stderr). */
  warn?: (line: string) => void;
  /** Use worker threads on large datasets (default true). */
  parallel?: boolean;
  /**
   * Write json/, ndjson/, dataset.json and the CSV tables in a worker thread (true) or here (false); by
   * default, a worker from WRITER_WORKER_THRESHOLD records on.
   */
  writerInWorker?: boolean;
}

/** From this many records on, the release writer's worker saves more than its start-up (≈ 0.4 s of loading) costs; at 20,000 the two were even. */
export const WRITER_WORKER_THRESHOLD = 30_000;

export interface BuildResult {
  out: string;
  counts: Record<RecordType, number>;
  files: number;
  bytes: number;
  /** How many validation warnings the data has (they do not stop the build; `npm run validate` shows them). */
  warnings: number;
  /** Whether a worker thread wrote json/, ndjson/, dataset.json and the CSV tables (large datasets on more than one core). */
  writerInWorker: boolean;
}

export { publicAjv } from "./public-validators.ts";

/**
 * The build checks its own output against the public schemas, record by record as it writes them
 * (with the precompiled public validators while they are current: public-validators.ts).
 */
export function publishedChecker(schemas: Map<string, JsonSchema>): (type: RecordType, record: Record<string, unknown>) => void {
  const { validators, errorsText } = publicValidators(schemas);
  return (type, r) => {
    const validate = validators[type] as (data: unknown) => boolean;
    if (!validate(r)) throw new Error(`internal error: published ${type} ${String(r.id)} does not match its public schema: ${errorsText(validators[type].errors)}`);
  };
}

/** Where the build may write its release: see output-guard.ts. An earlier release without a marker is still the build's own. */
export function releaseOutput(out: string, root: string): string {
  return checkOutput(out, {
    kind: "release",
    protect: repositoryFolders(root, ROOT),
    ownLink: (dir) => ownReleaseOf(dir) !== undefined,
    acceptUnmarked: (dir) => {
      try {
        return (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as { name?: unknown }).name === "sidelines";
      } catch {
        return false;
      }
    },
  });
}

/**
 * Steps 1–3: validate, then the publisher that derives, normalizes and checks each record as it is
 * read. Nothing is published until it is read: the build writes every output in one pass over the
 * records, holding only the source records (and the lookups of the derived fields) meanwhile.
 */
export async function preparePublishing(root: string, parallel = true, time: (phase: string) => void = () => undefined, store?: BytesStore): Promise<{ publisher: Publisher; warnings: Diagnostic[]; schemas: Map<string, JsonSchema>; quality: Quality }> {
  const schemaSet = loadSchemaSet();
  const { records, lookups, warnings, quality } = await collect(root, schemaSet, parallel, store);
  time("collect (validate)");
  const schemas = publicSchemas(schemaSet.schemas);
  const publisher = new Publisher(records, schemas, publishedChecker(schemas), lookups);
  time("derived fields' lookups");
  return { publisher, warnings, schemas, quality };
}

/** The records and public schemas a release holds, as lists, without writing it (`npm run diff` compares these). */
export async function publishDataset(root: string, parallel = true): Promise<{ published: PublishedRecords; warnings: Diagnostic[]; schemas: Map<string, JsonSchema>; quality: Quality }> {
  const { publisher, warnings, schemas, quality } = await preparePublishing(root, parallel);
  return { published: publisher.lists(), warnings, schemas, quality };
}

/**
 * Collects what validation left behind (the records' views for the dataset checks, their diagnostics)
 * before the release is written: V8 would otherwise keep it while writing grows the heap further, and
 * the build's peak memory with it. `npm run build` starts Node with `--expose-gc` for this; elsewhere
 * there is no `gc` and the build is the same, only larger.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const out = path.resolve(options.out ?? path.join(root, "dist"));
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));

  // Before anything is created (the lock, the work folder): an output that may not be written, or a
  // release time that cannot be written, is refused.
  releaseOutput(options.out ?? out, root);
  if (env.SOURCE_DATE_EPOCH !== undefined) epochSeconds(env.SOURCE_DATE_EPOCH);
  // First put back a release a killed build may have left aside, whatever happens next.
  await withLock(out, () => {
    recover(out);
    removeDeadTempReleases(out);
  });
  releaseOutput(out, root);
  const time = phaseTimer("build");
  const tmp = createTempRelease(out);
  let store: ScratchFile | undefined;
  let writer: ReleaseWriter | undefined;
  try {
    // The source records, as validation kept them, wait in a scratch file of the release's temporary
    // folder rather than in memory (removed before the manifest is written).
    store = new ScratchFile(path.join(tmp, RECORDS_SCRATCH));
    // Held in a variable of its own, so that the source records are garbage once the last table is written.
    let publisher: Publisher | undefined;
    // Of the validation warnings only their number is kept: at 100,000 records they are 150 MB.
    const { warnings, schemas, quality } = await preparePublishing(root, options.parallel !== false, time, store).then((prepared) => {
      publisher = prepared.publisher;
      return { ...prepared, warnings: countBySeverity(prepared.warnings).warnings };
    });
    collectGarbage();
    time("garbage collection");
    const version = datasetVersion(ROOT);
    const source = sourceInfo(root, env);
    const citation = await releaseCitation(ROOT, version, source.date);
    const counts = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, publisher!.count(t)])) as Record<RecordType, number>;
    const metadata = datasetMetadata(counts, version, source, citation);

    // Each output is written in pieces as it is made, and hashed as it is written.
    const outputs = new OutputDir(tmp);
    for (const [rel, text] of schemaFiles(schemas)) outputs.write(rel, [text]);
    for (const [rel, text] of releaseTextFiles(ROOT, citation)) outputs.write(rel, [text]);
    outputs.write(QUALITY_FILE, [prettyJson(quality)]);
    // One pass over the records publishes each one and writes the exports here. On a large dataset a
    // worker writes json/, ndjson/, dataset.json and the CSV tables meanwhile, from the NDJSON lines it
    // is handed; on a small one they are written here too. If the worker fails, they are written here
    // afterwards, from the records published again.
    const total = RECORD_TYPE_NAMES.reduce((n, t) => n + counts[t], 0);
    writer = (options.writerInWorker ?? (options.parallel !== false && total >= WRITER_WORKER_THRESHOLD)) ? startReleaseWriter(tmp, metadata) : undefined;
    const local = writer ? undefined : new LocalRecordFiles(outputs, metadata);
    const interop = new InteropWriter(outputs);
    let localHashes: Map<string, FileHash> | undefined;
    try {
      for (const type of RECORD_TYPE_NAMES) {
        for (const record of publisher!.records(type)) {
          const line = `${jsonText(record)}\n`;
          if (writer) writer.add(type, line);
          else local!.add(type, record, line);
          interop.add(type, record);
        }
      }
      localHashes = local?.close();
    } catch (error) {
      local?.abandon();
      interop.abandon();
      throw error;
    }
    time("one pass: publish; events; json, ndjson, dataset.json and csv (here or by the worker)");
    interop.close();
    time("ftm, popolo");
    const fromWorker = await writer?.finish().catch((error: unknown) => {
      // Said, not silent: the files are then written here, from the records published again.
      warn(`build: the release writer failed (${error instanceof Error ? error.message : String(error)}); writing json/, ndjson/, dataset.json and csv/ on the main thread`);
      return undefined;
    });
    const written = fromWorker ?? localHashes ?? writeRecordFiles(publisher!.streams(), metadata, outputs);
    publisher = undefined;
    store.remove();
    for (const [rel, hash] of written) outputs.hashes.set(rel, hash);
    writeDatapackage(schemas, metadata, written, outputs, [eventsTable()]);
    time(`the release writer (${fromWorker ? "done meanwhile" : "none: written here"}), datapackage.json`);
    // DuckDB, which writes the Parquet files next, takes memory of its own: the records go first. The
    // second collection releases the pages the first emptied (at 100,000 realistic records, RSS 537 ->
    // 387 MiB and V8's committed heap 277 -> 157 MiB, in 0.3 s).
    collectGarbage();
    collectGarbage();
    await writeParquet(tmp, schemas);
    time("parquet");
    compilePackage(tmp);
    time("package");
    writeMarker(tmp, "release");
    const { files, bytes } = writeManifest(tmp, metadata, outputs.hashes, quality.overall);
    if (env[PAUSE_ENV] === "1") {
      process.stderr.write(`${PAUSE_MARKER} ${tmp}\n`);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    await swapIntoPlace(tmp, out);
    log(`built ${path.relative(process.cwd(), out) || "."}: ${RECORD_TYPE_NAMES.map((t) => `${metadata.record_counts[t]} ${RECORD_TYPES[t].plural}`).join(", ")}; ${files} files, ${bytes} bytes`);
    return { out, counts: metadata.record_counts, files, bytes, warnings, writerInWorker: fromWorker !== undefined };
  } catch (error) {
    // Stop the writer first: it would keep the process alive, and write into the folder removed here.
    await writer?.stop();
    store?.remove();
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
