import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { RecordType } from "../record-types.ts";
import type { FieldPaths } from "../schema-paths.ts";
import type { Locate } from "./schema-check.ts";
import type { PublisherRegistry } from "../publishers/registry.ts";

/** A record file that parsed; `schemaOk` tells whether it passed its schema. */
export interface LoadedRecord {
  file: string;
  type: RecordType;
  /** The id implied by the file name. */
  fileId: string;
  data: Record<string, unknown>;
  locate: Locate;
  schemaOk: boolean;
  /**
   * False when the file has no backslash, so no YAML escape can have produced a character the file
   * itself does not contain; checks on decoded text may then rely on the raw-text checks.
   */
  mayHaveEscapes?: boolean;
  /**
   * False when the file holds no invisible character (Unicode Default_Ignorable_Code_Point) and no
   * backslash, so no text value or key can hold one: TEXT002 has nothing to look for.
   */
  mayHaveInvisible?: boolean;
  /**
   * Set when `data` is only the well-formed part of a record that failed its schema (see
   * prune-invalid.ts): maps a pointer into `data` to the pointer in the record as written.
   */
  toOriginal?: (pointer: string) => string;
}

/** What an id names: a record, or a forum edition inside a forum record. */
export interface IndexEntry {
  id: string;
  type: RecordType | "edition";
  file: string;
  /** JSON pointer of the entry inside its file ("" for a whole record). */
  pointer: string;
  /** The entry's data, read on demand; undefined when the file does not parse or fails its schema. */
  data(): Record<string, unknown> | undefined;
  /** For a forum: true when its file could not be read or parsed, so its editions are not in the index. */
  unparsed?: boolean;
}

export interface ReportOptions {
  /** Point at the key rather than the value. */
  key?: boolean;
  tip?: string;
}

export interface CheckContext {
  /**
   * The records to check. Checks rely on the schema's guarantees, so a record that failed its schema
   * is checked only as far as it is well-formed: its `data` is the part that passes (`toOriginal` set).
   */
  records: readonly LoadedRecord[];
  /**
   * Every id in the dataset, including those of records not being checked. Only dataset checks get it;
   * record checks run where each record is loaded (possibly a worker thread) and see an empty index.
   */
  index: ReadonlyMap<string, readonly IndexEntry[]>;
  paths: Readonly<Record<RecordType, FieldPaths>>;
  /** The top-level fields each record type's schema defines. */
  fields: Readonly<Record<RecordType, readonly string[]>>;
  schemas: ReadonlyMap<string, Record<string, unknown>>;
  /**
   * The publishers registry (`data/publishers.yaml`), in record checks as in dataset checks: it is one of
   * the inputs every cached verdict depends on (see cache/inputs.ts), so checks of one record against it
   * are record checks, run where the record loads.
   */
  publishers: PublisherRegistry;
  report(record: LoadedRecord, pointer: string, message: string, options?: ReportOptions): void;
}

interface CheckBase {
  code: string;
  severity: Severity;
  description: string;
  /** Runs only in strict runs (`npm run validate -- --strict`), where warnings fail. */
  strictOnly?: boolean;
  run(ctx: CheckContext): void;
}

/**
 * A check of one record on its own (and the publishers registry): it runs in whichever thread loaded the
 * record, with the full data, and its diagnostics are cached with the file's verdict.
 */
export interface RecordCheck extends CheckBase {
  scope: "record";
}

/**
 * A check across records (ids, references, data of referenced records). It runs once all records are
 * loaded and sees each record only as far as dataset checks need: `id`, edition ids, the references
 * and the parts the checks declare in `reads`. Records loaded in a worker thread thus come back small,
 * and a check that reads an undeclared part sees it missing in every run, so its tests catch it.
 */
export interface DatasetCheck extends CheckBase {
  scope: "dataset";
  /**
   * What this check reads of records of each type, beyond ids and references: paths of keys joined by
   * slashes, with `*` standing for every list item; a path that ends at a field keeps it whole, and one
   * whose last key ends in `?` keeps only that the field is there (its value in the view is `true`).
   */
  reads: Partial<Record<RecordType, readonly string[]>>;
}

/** One check beyond the schema: a stable code, one line of description, a severity and the logic. */
export type Check = RecordCheck | DatasetCheck;

export type { Diagnostic };
