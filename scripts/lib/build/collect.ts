/**
 * Step 1 of the build: validate the whole dataset, refuse on any error, then read the records.
 */
import path from "node:path";
import { loadRecord, validate } from "../validate.ts";
import { discover } from "../load/discover.ts";
import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import type { Actor, Forum, Meeting, Sanction, Tombstone } from "../types.generated.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import { compareStrings } from "./json.ts";

/** The source records by type, each list sorted by id. */
export interface SourceRecords {
  actor: Actor[];
  sanction: Sanction[];
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
}

export async function collect(root: string, schemaSet: SchemaSet): Promise<Collected> {
  const result = await validate({ root, schemaSet });
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) throw new DataErrors(result.diagnostics);
  const found = await discover(root, path.join(root, "data"));
  const records = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, [] as unknown[]])) as unknown as Record<RecordType, Array<{ id: string }>>;
  const late: Diagnostic[] = [];
  for (const rf of found.records) {
    const loaded = loadRecord(rf, schemaSet, late);
    // Validation passed a moment ago; a file that fails now was changed during the build.
    if (!loaded.ok || !loaded.record.schemaOk) throw new DataErrors(late.length > 0 ? late : [{ file: rf.file, line: 1, col: 1, severity: "error", code: "BUILD", message: "changed while the build was reading it" }]);
    records[rf.type].push(loaded.record.data as unknown as { id: string });
  }
  for (const t of RECORD_TYPE_NAMES) records[t].sort((a, b) => compareStrings(a.id, b.id));
  return { records: records as unknown as SourceRecords, warnings: result.diagnostics };
}
