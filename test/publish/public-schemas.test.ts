/**
 * Every published JSON file validates against its public schema with a second, independent JSON Schema
 * implementation (@hyperjump/json-schema, loading the schemas from the release by file URL), and the
 * public schemas themselves validate against the 2020-12 meta-schema. ajv does the same in build.test.ts.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "@hyperjump/json-schema/draft-2020-12";
import { BASIC } from "@hyperjump/json-schema/experimental";
import { ROOT } from "../../scripts/lib/paths.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import { buildInto, removeTempDirs, writeFixture } from "./fixture.ts";

afterAll(removeTempDirs);

const META = "https://json-schema.org/draft/2020-12/schema";

/** Every JSON document of a release with the schema (URI) it must match. */
function targets(out: string): Array<{ file: string; schema: string; value: unknown }> {
  const uri = (f: string): string => pathToFileURL(path.join(out, "schemas", f)).href;
  const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(out, f), "utf8"));
  const list = [
    { file: "dataset.json", schema: uri("dataset.schema.json"), value: read("dataset.json") },
    { file: "manifest.json", schema: uri("manifest.schema.json"), value: read("manifest.json") },
  ];
  for (const t of RECORD_TYPE_NAMES) {
    const { plural, schema } = RECORD_TYPES[t];
    list.push({ file: `json/${plural}.json`, schema: `${uri("dataset.schema.json")}#/properties/${plural}`, value: read(`json/${plural}.json`) });
    fs.readFileSync(path.join(out, `ndjson/${plural}.ndjson`), "utf8")
      .split("\n")
      .filter(Boolean)
      .forEach((line, i) => list.push({ file: `ndjson/${plural}.ndjson:${i + 1}`, schema: uri(schema), value: JSON.parse(line) }));
  }
  for (const f of fs.readdirSync(path.join(out, "schemas"))) list.push({ file: `schemas/${f}`, schema: META, value: read(`schemas/${f}`) });
  return list;
}

for (const [name, root] of [
  ["fixture", () => writeFixture()],
  ["real data/", () => ROOT],
] as const) {
  describe(`public schemas, @hyperjump/json-schema (${name})`, () => {
    let out: string;
    beforeAll(async () => {
      out = await buildInto(root());
    }, 60_000);

    it("every published JSON file and NDJSON line is valid", async () => {
      const all = targets(out);
      expect(all.length).toBeGreaterThan(20);
      for (const t of all) {
        const result = await validate(t.schema, t.value as never, BASIC);
        expect(result.valid, `${t.file}: ${JSON.stringify((result as { errors?: unknown[] }).errors?.slice(0, 3))}`).toBe(true);
      }
    }, 60_000);

    it("rejects a tampered record (the check has teeth)", async () => {
      const meetings = JSON.parse(fs.readFileSync(path.join(out, "json/meetings.json"), "utf8")) as Array<Record<string, unknown>>;
      const uri = `${pathToFileURL(path.join(out, "schemas/dataset.schema.json")).href}#/properties/meetings`;
      const cases: Array<(m: Record<string, unknown>) => void> = [
        (m) => (m.participant_sanctioned = "yes"),
        (m) => delete m.topics,
        (m) => (m.status = "maybe"),
        (m) => (m.extra = 1),
      ];
      for (const change of cases) {
        const copy = structuredClone(meetings);
        change(copy[0]!);
        expect((await validate(uri, copy as never, BASIC)).valid, String(change)).toBe(false);
      }
    });
  });
}
