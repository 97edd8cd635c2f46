/**
 * The parts of each record the build's derived fields read, kept by the thread that checks the record
 * so that the build makes its lookups (publish/derive.ts) without parsing every record again. It lives
 * with the checking threads, not the build, because those threads run it: its code is part of what a
 * cached verdict depends on (cache/inputs.ts).
 */
import { project, shapeOf, type Shape } from "../check/run-checks.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";

/**
 * Every field the lookups in publish/derive.ts read, by record type. A field read there but not
 * listed here would be missing from the lookups: the build's tests (test/perf/parallel.test.ts)
 * derive every record both ways and compare.
 */
export const DERIVER_READS: Readonly<Partial<Record<RecordType, readonly string[]>>> = {
  actor: ["id", "kind", "country", "citizenship", "memberships"],
  forum: ["editions/*/id", "editions/*/start"],
  meeting: ["id", "participants/*/actor", "participants/*/on_behalf_of", "status_history/*/incidents"],
  sanction: ["id", "kind", "effective", "listed", "announced", "ended", "imposed_by", "on_behalf_of", "implemented_by", "targets/*/actor"],
};

/** DERIVER_READS as the shapes `project` takes. */
const LOOKUP_SHAPES = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, DERIVER_READS[t] && shapeOf(DERIVER_READS[t])])) as Record<RecordType, Shape | undefined>;

/** A record's parts for the build's lookups, or undefined for a type they do not read. */
export function lookupOf(type: RecordType, data: Record<string, unknown>): Record<string, unknown> | undefined {
  const shape = LOOKUP_SHAPES[type];
  return shape && (project(data, shape) as Record<string, unknown>);
}
