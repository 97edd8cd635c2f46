/**
 * Step 1 of the build: validate the whole dataset and refuse on any error; publish what was validated.
 */
import { validate } from "../validate.ts";
import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import type { Actor, Forum, Incident, Meeting, Sanction, Tombstone } from "../types.generated.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import { compareStrings } from "./json.ts";
import type { Quality } from "../quality/measure.ts";
import { measureKept } from "../quality/dataset.ts";
import { keptData, type BytesStore, type KeptRecord } from "../load/kept-records.ts";
import { lookupOf } from "../load/lookup-parts.ts";
import type { DeriverSources } from "./derive.ts";

/**
 * A type's source records in order, read one at a time: an array, or records kept as JSON bytes and
 * parsed anew at each reading (SourceList). Whatever reads them takes them once per pass.
 */
export interface RecordList<T> extends Iterable<T> {
  readonly length: number;
}

/** The source records by type, each list sorted by id. */
export interface SourceRecords {
  actor: RecordList<Actor>;
  sanction: RecordList<Sanction>;
  incident: RecordList<Incident>;
  meeting: RecordList<Meeting>;
  forum: RecordList<Forum>;
  tombstone: RecordList<Tombstone>;
}

/** Records kept as JSON bytes: the build holds its dataset this way, parsing each record only as it is read. */
class SourceList<T> implements RecordList<T> {
  constructor(private readonly kept: readonly KeptRecord[]) {}

  get length(): number {
    return this.kept.length;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const r of this.kept) yield keptData(r) as T;
  }
}

export class DataErrors extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const { errors } = countBySeverity(diagnostics);
    super(`the data has ${errors} error${errors === 1 ? "" : "s"}; fix them (npm run validate) before building`);
  }
}

export interface Collected {
  records: SourceRecords;
  /** What the derived fields' lookups read of the records, in the same order (see lookupsOf). */
  lookups: DeriverSources;
  /** Warnings from validation; they do not stop the build. */
  warnings: Diagnostic[];
  /** The sourcing figures of the records collected, against the dataset's publishers registry. */
  quality: Quality;
}

/** `store`: where the records' bytes are held (default: memory). */
export async function collect(root: string, schemaSet: SchemaSet, parallel = true, store?: BytesStore): Promise<Collected> {
  const result = await validate({ root, schemaSet, keepRecords: store ?? true, parallel });
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) throw new DataErrors(result.diagnostics);
  // The records validation read are the ones published: each file is read and parsed once, so what
  // is built is exactly what was checked.
  const byType = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, [] as KeptRecord[]])) as Record<RecordType, KeptRecord[]>;
  for (const r of result.records) byType[r.type].push(r);
  for (const t of RECORD_TYPE_NAMES) byType[t].sort((a, b) => compareStrings(a.id, b.id));
  const records = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, new SourceList(byType[t])])) as unknown as SourceRecords;
  const quality = measureKept(result.records, result.publishers);
  // The records' shares of the figures are summed: the build holds the records to the end, not them.
  for (const r of result.records) r.figures = undefined;
  return { records, lookups: lookupsOf(byType), warnings: result.diagnostics, quality };
}

/**
 * The parts of the records the derived fields' lookups read, by type and in the order given: each as
 * the thread that checked it projected it (one without, projected here from its data). The kept
 * records let go of them, so that they are garbage once the lookups are made.
 */
export function lookupsOf(byType: Readonly<Record<RecordType, readonly KeptRecord[]>>): DeriverSources {
  const partsOf = (type: RecordType): Array<Record<string, unknown>> =>
    byType[type].map((r) => {
      const lookup = r.lookup ?? lookupOf(type, keptData(r))!;
      r.lookup = undefined;
      return lookup;
    });
  return { actor: partsOf("actor"), forum: partsOf("forum"), meeting: partsOf("meeting"), sanction: partsOf("sanction") } as unknown as DeriverSources;
}
