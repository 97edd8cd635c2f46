/**
 * Step 1 of the build: validate the whole dataset and refuse on any error; publish what was validated.
 */
import { validate } from "../validate.ts";
import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import type { Actor, Forum, Incident, Meeting, Sanction, Tombstone } from "../types.generated.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import { compareStrings } from "./json.ts";
import { measureQuality, type Quality } from "../quality/measure.ts";

/** The source records by type, each list sorted by id. */
export interface SourceRecords {
  actor: Actor[];
  sanction: Sanction[];
  incident: Incident[];
  meeting: Meeting[];
  forum: Forum[];
  tombstone: Tombstone[];
}

export class DataErrors extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const { errors } = countBySeverity(diagnostics);
    super(`the data has ${errors} error${errors === 1 ? "" : "s"}; fix them (npm run validate) before building`);
  }
}

export interface Collected {
  records: SourceRecords;
  /** Warnings from validation; they do not stop the build. */
  warnings: Diagnostic[];
  /** The sourcing figures of the records collected, against the dataset's publishers registry. */
  quality: Quality;
}

export async function collect(root: string, schemaSet: SchemaSet, parallel = true): Promise<Collected> {
  const result = await validate({ root, schemaSet, keepRecords: true, parallel });
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) throw new DataErrors(result.diagnostics);
  // The records validation read are the ones published: each file is read and parsed once, so what
  // is built is exactly what was checked.
  const records = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, [] as Array<{ id: string }>])) as Record<RecordType, Array<{ id: string }>>;
  for (const r of result.records) records[r.type].push(r.data as unknown as { id: string });
  for (const t of RECORD_TYPE_NAMES) records[t].sort((a, b) => compareStrings(a.id, b.id));
  return { records: records as unknown as SourceRecords, warnings: result.diagnostics, quality: measureQuality(result.records, result.publishers) };
}
