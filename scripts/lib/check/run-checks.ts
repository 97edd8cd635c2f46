/**
 * Running the checks beyond the schema. Record checks run where each record is loaded; dataset checks
 * run once over every record, on each record's dataset view (see `DatasetCheck`).
 */
import { CHECKS } from "./registry.ts";
import type { Check, CheckContext, DatasetCheck, IndexEntry, LoadedRecord, RecordCheck } from "./types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import { fieldPaths, type FieldPaths } from "../schema-paths.ts";
import { phaseTimer } from "../timings.ts";
import { EMPTY_REGISTRY, type PublisherRegistry } from "../publishers/registry.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import { append } from "../collections.ts";

export const RECORD_CHECKS = CHECKS.filter((c): c is RecordCheck => c.scope === "record");
export const DATASET_CHECKS = CHECKS.filter((c): c is DatasetCheck => c.scope === "dataset");

/** What checks know of the schemas, derived once per schema set. */
export interface CheckEnv {
  paths: Readonly<Record<RecordType, FieldPaths>>;
  fields: Readonly<Record<RecordType, readonly string[]>>;
  schemas: SchemaSet["schemas"];
  /** The parts of each record type that dataset checks see. */
  datasetShape: Readonly<Record<RecordType, Shape>>;
}

/**
 * Which parts of a value to keep: all of it (`true`), only that it is there (`"present"`, kept as
 * `true`), or some keys of a mapping (`*`: every list item).
 */
export type Shape = true | "present" | { [key: string]: Shape };

/** What the id index reads: every record's id, and the ids of a forum's editions. */
const INDEX_READS: Record<RecordType, readonly string[]> = { actor: ["id"], sanction: ["id"], incident: ["id"], meeting: ["id"], forum: ["id", "editions/*/id"], tombstone: ["id"] };

/**
 * Adds a path to a shape; a path that ends at a field keeps it whole, whatever else asks for parts of
 * it, and one whose last key ends in `?` keeps only that the field is there, unless more is asked for.
 */
function addPath(shape: { [key: string]: Shape }, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const presence = rest.length === 0 && head.endsWith("?");
  const key = presence ? head.slice(0, -1) : head;
  const current = shape[key];
  if (current === true) return;
  if (rest.length === 0) shape[key] = presence ? (current ?? "present") : true;
  else addPath((shape[key] = typeof current === "object" ? current : {}), rest);
}

/** The shape that keeps the parts of a record these field paths name (`*`: every list item). */
export function shapeOf(paths: readonly string[]): Shape {
  const shape: { [key: string]: Shape } = {};
  for (const p of paths) addPath(shape, p.split("/"));
  return shape;
}

const envs = new WeakMap<SchemaSet, CheckEnv>();

export function checkEnv(set: SchemaSet): CheckEnv {
  let env = envs.get(set);
  if (!env) {
    const paths = {} as Record<RecordType, FieldPaths>;
    const fields = {} as Record<RecordType, string[]>;
    const datasetShape = {} as Record<RecordType, Shape>;
    for (const t of RECORD_TYPE_NAMES) {
      paths[t] = fieldPaths(RECORD_TYPES[t].schema, set.schemas);
      fields[t] = Object.keys((set.schemas.get(RECORD_TYPES[t].schema)?.properties ?? {}) as object);
      const shape: { [key: string]: Shape } = {};
      for (const read of [...INDEX_READS[t], ...DATASET_CHECKS.flatMap((c) => c.reads[t] ?? [])]) addPath(shape, read.split("/"));
      for (const ref of paths[t].refs) addPath(shape, ref.path);
      datasetShape[t] = shape;
    }
    env = { paths, fields, schemas: set.schemas, datasetShape };
    envs.set(set, env);
  }
  return env;
}

/** A record as dataset checks see it: the same record, holding only the parts they use. */
export function datasetView(record: LoadedRecord, env: CheckEnv): LoadedRecord {
  return { ...record, data: project(record.data, env.datasetShape[record.type]) as Record<string, unknown> };
}

/**
 * The parts of a value a shape names. List items keep their places, so JSON pointers into the view are
 * pointers into the record. A value of another kind than the shape expects is kept whole: only records
 * that passed their schema are checked, and for the others the view just has to be harmless.
 */
export function project(value: unknown, shape: Shape): unknown {
  if (shape === "present") return true;
  if (shape === true || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const item = shape["*"];
    return item ? value.map((v) => project(v, item)) : value;
  }
  const out: Record<string, unknown> = {};
  for (const key in shape) if (key !== "*" && Object.hasOwn(value, key)) out[key] = project((value as Record<string, unknown>)[key], shape[key]!);
  return out;
}

/** What a run knows beyond the records: the publishers registry, and whether it is strict. */
export interface RunOptions {
  publishers?: PublisherRegistry;
  strict?: boolean;
  /** Print no phase timings (SIDELINES_TIMINGS) for this run: the per-file stage runs the checks once per file. */
  untimed?: boolean;
}

/** Runs checks over records, appending located diagnostics to `out`. Checks marked `strictOnly` run only in strict runs. */
export function runChecks(checks: readonly Check[], records: readonly LoadedRecord[], index: CheckContext["index"], env: CheckEnv, out: Diagnostic[], options: RunOptions = {}): void {
  const whole = records.filter((r) => !r.toOriginal);
  const partial = records.filter((r) => r.toOriginal);
  runOn(checks, whole, index, env, out, false, options);
  // The well-formed parts of records that failed their schema may lack a required field; a check that
  // trips on that has nothing to add to the schema errors those records already have.
  if (partial.length > 0) runOn(checks, partial, index, env, out, true, options);
}

function runOn(checks: readonly Check[], records: readonly LoadedRecord[], index: CheckContext["index"], env: CheckEnv, out: Diagnostic[], guarded: boolean, options: RunOptions): void {
  const time = options.untimed ? (): void => undefined : phaseTimer(`  ${checks === DATASET_CHECKS ? "dataset" : "record"} checks${guarded ? " (partial records)" : ""}`);
  const ctx: CheckContext = { records, index, paths: env.paths, fields: env.fields, schemas: env.schemas, publishers: options.publishers ?? EMPTY_REGISTRY, report: () => undefined };
  for (const check of checks) {
    if (check.strictOnly && !options.strict) continue;
    ctx.report = (record, pointer, message, opts = {}) => {
      const written = record.toOriginal ? record.toOriginal(pointer) : pointer;
      const pos = record.locate(written, { key: opts.key ?? false });
      out.push({ file: record.file, line: pos.line, col: pos.col, severity: check.severity, code: check.code, message, pointer: written, ...(opts.tip ? { tip: opts.tip } : {}) });
    };
    if (!guarded) check.run(ctx);
    else {
      const found: Diagnostic[] = [];
      const report = ctx.report;
      ctx.report = (...args) => {
        const before = out.length;
        report(...args);
        append(found, out.splice(before));
      };
      try {
        check.run(ctx);
        append(out, found);
      } catch {
        // dropped: see above
      }
    }
    time(check.code);
  }
}

/** Codes of the strict-only record checks: the per-file stage runs them in every run (see loadChunk). */
const STRICT_ONLY_RECORD_CODES = new Set(RECORD_CHECKS.filter((c) => c.strictOnly).map((c) => c.code));

/** The diagnostics a run keeps: in a run that is not strict, those of strict-only record checks go. */
export function dropStrictOnly(diagnostics: Diagnostic[], strict: boolean): Diagnostic[] {
  return strict ? diagnostics : diagnostics.filter((d) => !STRICT_ONLY_RECORD_CODES.has(d.code));
}

export const NO_INDEX: ReadonlyMap<string, readonly IndexEntry[]> = new Map();
