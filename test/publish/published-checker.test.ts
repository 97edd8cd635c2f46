/**
 * The build checks every record it publishes against its public schema with precompiled validators
 * (scripts/lib/publish/public-validators.generated.cjs: ajv's standalone code with lengthsFromUnits).
 * They must be current, give the verdicts of the public schemas compiled by ajv at run time, and never
 * be used for schemas they were not generated from.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicAjv, publishDataset, publishedChecker } from "../../scripts/lib/publish/pipeline.ts";
import type { PublishedRecords } from "../../scripts/lib/publish/records.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../../scripts/lib/record-types.ts";
import { readSchemas, type JsonSchema } from "../../scripts/lib/schemas.ts";
import { removeTempDirs } from "../temp-dirs.ts";
import { PUBLIC_VALIDATORS_FILE, publicStandaloneValidators, publicValidators } from "../../scripts/lib/publish/public-validators.ts";
import { publicSchemas } from "../../scripts/lib/publish/public-schemas.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { writeFixture } from "./fixture.ts";
import { nearLimitText } from "../near-limit-text.ts";

afterAll(removeTempDirs);

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

describe("the precompiled public validators", () => {
  it("are bannered as generated and match what `npm run types` makes from schemas/", () => {
    const text = fs.readFileSync(path.join(ROOT, PUBLIC_VALIDATORS_FILE), "utf8");
    expect(text.split("\n")[0]).toMatch(/Generated — do not edit; run `npm run types`/);
    expect(text).toBe(publicStandaloneValidators(publicSchemas(readSchemas())));
  });

  it("are used for the public schemas of schemas/, and not for other schemas", () => {
    expect(publicValidators(schemas).precompiled).toBe(true);
    const changed = new Map(schemas);
    const meeting = structuredClone(changed.get(RECORD_TYPES.meeting.schema)!) as JsonSchema & { required: string[]; properties: Record<string, JsonSchema> };
    meeting.required = [...meeting.required, "mood"];
    meeting.properties.mood = { description: "How it went.", enum: ["warm", "cold"] };
    changed.set(RECORD_TYPES.meeting.schema, meeting);
    const other = publicValidators(changed);
    expect(other.precompiled).toBe(false);
    const record = published.meeting[0] as unknown;
    expect(publicValidators(schemas).validators.meeting(record)).toBe(true);
    expect(other.validators.meeting(record)).toBe(false);
    expect(other.errorsText(other.validators.meeting.errors)).toMatch(/mood/);
  });
});

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
    // The build's schemas are those of schemas/, so the check runs the precompiled validators.
    expect(publicValidators(schemas).precompiled).toBe(true);
    const base = published.meeting[0] as unknown as Record<string, unknown>;
    let refused = 0;
    fc.assert(
      fc.property(nearLimitText, (t) => {
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
