/** Step 3 of the build: source records plus derived fields, in their published (normalized) form. */
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import type { PublishedActor, PublishedForum, PublishedIncident, PublishedMeeting, PublishedSanction, PublishedTombstone } from "../types.generated.ts";
import { Deriver, type DerivedRecords, type DeriverSources } from "./derive.ts";
import type { SourceRecords } from "./collect.ts";
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

/** The published records of one type, or of every type, as iterables: a list, or records made as they are read. */
export type PublishedStreams = { [T in RecordType]: Iterable<PublishedRecords[T][number]> };

/**
 * Publishes the source records one at a time as they are read — derived fields, normalized form, and
 * the check against the public schema — so that the build holds only the source records and the
 * record being written, never a published copy of the whole dataset. Each read makes them anew.
 */
export class Publisher {
  private readonly deriver: Deriver;
  private readonly normalizer: Normalizer;

  constructor(
    private readonly source: SourceRecords,
    publicSchemas: Map<string, JsonSchema>,
    private readonly check: (type: RecordType, record: Record<string, unknown>) => void = () => undefined,
    /** What the derived fields' lookups are made from: the source records, or only the parts they read (collect's `lookups`). */
    lookups: DeriverSources = source,
  ) {
    this.deriver = new Deriver(lookups);
    this.normalizer = new Normalizer(publicSchemas);
  }

  count(type: RecordType): number {
    return this.source[type].length;
  }

  *records<T extends RecordType>(type: T): Generator<PublishedRecords[T][number]> {
    for (const r of this.source[type] as readonly unknown[]) {
      const published = this.normalizer.record(type, this.deriver.record(type, r) as Record<string, unknown>);
      this.check(type, published);
      yield published as unknown as PublishedRecords[T][number];
    }
  }

  /** Every type's records, each an iterable that publishes them anew when read. */
  streams(): PublishedStreams {
    return Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, { [Symbol.iterator]: () => this.records(t) }])) as unknown as PublishedStreams;
  }

  /** Every published record in lists (what `npm run diff` compares). */
  lists(): PublishedRecords {
    return Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, [...this.records(t)]])) as unknown as PublishedRecords;
  }
}

export function recordCounts(records: PublishedRecords): Record<RecordType, number> {
  return Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, records[t].length])) as Record<RecordType, number>;
}
