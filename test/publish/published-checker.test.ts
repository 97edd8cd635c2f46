/**
 * The build checks every record it publishes against its public schema with validators made like the
 * precompiled record validators (ajv's standalone code with lengthsFromUnits). They must give the verdicts
 * of the public schemas compiled by ajv at run time.
 */
import "../loaded-machine.ts";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { publicAjv, publishDataset, publishedChecker } from "../../scripts/lib/publish/pipeline.ts";
import type { PublishedRecords } from "../../scripts/lib/publish/records.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../../scripts/lib/record-types.ts";
import type { JsonSchema } from "../../scripts/lib/schemas.ts";
import { writeFixture } from "./fixture.ts";

let published: PublishedRecords;
let schemas: Map<string, JsonSchema>;

beforeAll(async () => {
  ({ published, schemas } = await publishDataset(writeFixture(), false));
}, 60_000);

/** Whether the checker accepts the record (it throws on a record its schema refuses). */
function accepts(check: ReturnType<typeof publishedChecker>, type: RecordType, record: Record<string, unknown>): boolean {
  try {
    check(type, record);
    return true;
  } catch (error) {
    expect(String(error)).toMatch(/does not match its public schema/);
    return false;
  }
}

describe("the build's check of published records", () => {
  it("accepts every published record of the fixture, as the run-time validators do", () => {
    const check = publishedChecker(schemas);
    const ajv = publicAjv(schemas);
    for (const type of RECORD_TYPE_NAMES) {
      expect(published[type].length, type).toBeGreaterThan(0);
      for (const record of published[type] as unknown as Array<Record<string, unknown>>) {
        expect(ajv.getSchema(RECORD_TYPES[type].schema)!(record), `${type} ${String(record.id)}`).toBe(true);
        expect(accepts(check, type, record), `${type} ${String(record.id)}`).toBe(true);
      }
    }
  });

  it("gives the run-time verdict for titles near their limits, with astral characters and lone surrogates", () => {
    const check = publishedChecker(schemas);
    const runtime = publicAjv(schemas).getSchema(RECORD_TYPES.meeting.schema)!;
    const base = published.meeting[0] as unknown as Record<string, unknown>;
    const unit = fc.constantFrom("x", "é", " ", "😀", "\uD83D", "\uDE00");
    const title = fc.oneof(
      fc.array(unit, { maxLength: 3 }).map((units) => units.join("")),
      fc.tuple(fc.integer({ min: 1992, max: 2004 }), fc.array(unit, { maxLength: 6 })).map(([n, units]) => "x".repeat(n) + units.join("")),
    );
    let refused = 0;
    fc.assert(
      fc.property(title, (t) => {
        const record = { ...base, title: t };
        const verdict = runtime(record);
        if (!verdict) refused++;
        expect(accepts(check, "meeting", record)).toBe(verdict);
      }),
      { numRuns: 300 },
    );
    // Both verdicts were met.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(300);
  });
});
