/** Step 3 of the build: source records plus derived fields, in their published (normalized) form. */
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import type { PublishedActor, PublishedForum, PublishedIncident, PublishedMeeting, PublishedSanction, PublishedTombstone } from "../types.generated.ts";
import type { DerivedRecords } from "./derive.ts";
import { Normalizer } from "./normalize.ts";

export interface PublishedRecords {
  actor: PublishedActor[];
  sanction: PublishedSanction[];
  incident: PublishedIncident[];
  meeting: PublishedMeeting[];
  forum: PublishedForum[];
  tombstone: PublishedTombstone[];
}

export function publish(records: DerivedRecords, publicSchemas: Map<string, JsonSchema>): PublishedRecords {
  const normalizer = new Normalizer(publicSchemas);
  const out = {} as Record<RecordType, unknown[]>;
  for (const type of RECORD_TYPE_NAMES) out[type] = (records[type] as unknown as Array<Record<string, unknown>>).map((r) => normalizer.record(type, r));
  return out as unknown as PublishedRecords;
}

export function recordCounts(records: PublishedRecords): Record<RecordType, number> {
  return Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, records[t].length])) as Record<RecordType, number>;
}
