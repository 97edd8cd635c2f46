/**
 * The CSV tables and datapackage.json are a true Frictionless data package: the `datapackage` library
 * (frictionlessdata's JavaScript implementation, with `tableschema`) reads every table of the release
 * with zero errors and checks every foreign key; an independent check finds no empty cell in a
 * required column; every partial date has its derived day columns and an EDTF form that the `edtf`
 * parser reads and that agrees with them; and every leaf field of every record can be read back
 * from the CSVs (nothing is silently dropped).
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import edtf from "edtf";
import { Package } from "datapackage";
import { ROOT } from "../../scripts/lib/paths.ts";
import { TABLES } from "../../scripts/lib/publish/csv/tables.ts";
import { publicSchemas } from "../../scripts/lib/publish/public-schemas.ts";
import { followRefs, loadSchemaSet, type JsonSchema } from "../../scripts/lib/schemas.ts";
import { restoreFormulaCell } from "../../scripts/lib/publish/csv/cells.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../../scripts/lib/record-types.ts";
import { buildInto, removeTempDirs, richFixture, tempDir, writeFixture } from "./fixture.ts";

afterAll(removeTempDirs);

type Obj = Record<string, unknown>;
interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string };
}
interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; primaryKey: string[]; foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }> };
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
const resourcesOf = (out: string): Resource[] => (readJson(path.join(out, "datapackage.json")) as { resources: Resource[] }).resources;
const rowsOf = (out: string, r: Resource): Array<Record<string, string>> => parseCsv(fs.readFileSync(path.join(out, r.path), "utf8"), { columns: true, skip_empty_lines: false }) as Array<Record<string, string>>;

/** Every problem the Frictionless library finds reading every table, foreign keys included. */
async function frictionlessProblems(out: string): Promise<string[]> {
  const dp = await Package.load(path.join(out, "datapackage.json"), { basePath: out });
  const problems: string[] = dp.valid ? [] : dp.errors.map((e: Error) => `datapackage.json: ${e.message}`);
  for (const resource of dp.resources) {
    try {
      await resource.read({ relations: true });
    } catch (error) {
      const e = error as Error & { errors?: Error[] };
      problems.push(`${resource.name}: ${e.message}${(e.errors ?? []).map((x) => `\n  ${x.message}`).join("")}`);
    }
  }
  return problems;
}

/** The value a cell stands for, by its Table Schema type (text cells lose the spreadsheet guard). */
function cellValue(text: string, type: string, valueType?: string): unknown {
  if (text === "") return undefined;
  const t = valueType ?? type;
  if (t === "integer" || t === "number") return Number(text);
  if (t === "boolean") return text === "true";
  if (t === "array") return JSON.parse(text);
  return restoreFormulaCell(text);
}

/** Path of every leaf (string, number, boolean, null) in a value, as keys and indexes joined by `/`. */
function leaves(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}/${i}`, out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) leaves(v, `${prefix}/${k}`, out);
  else if (value !== null) out.add(prefix);
}

/**
 * Reads every record back from the CSVs: for each cell of a column that names its schema path, walks
 * the record along that path (taking the row's indexes at each list), checks the cell holds the value
 * found there, and marks the leaves it covers. Returns the leaves of the JSON records no cell covers,
 * and the cells that disagree with the JSON.
 */
function unreachable(out: string): { missing: string[]; wrong: string[] } {
  const records = new Map<string, Obj>();
  for (const type of RECORD_TYPE_NAMES) for (const rec of readJson(path.join(out, "json", `${RECORD_TYPES[type].plural}.json`)) as Obj[]) records.set(`${type}/${String(rec.id)}`, rec);
  const covered = new Set<string>();
  const wrong: string[] = [];
  const resources = new Map(resourcesOf(out).map((r) => [r.name, r]));
  for (const spec of TABLES) {
    const resource = resources.get(spec.name.replace(/_/g, "-"))!;
    const types = new Map(resource.schema.fields.map((f) => [f.name, f.type]));
    const indexColumns = spec.columns.filter((c) => c.name.endsWith("_index")).map((c) => c.name);
    for (const row of rowsOf(out, resource)) {
      const first = spec.columns.find((c) => c.schema)!.schema!.type;
      const type = (row.record_type as RecordType | undefined) ?? first;
      const id = row.record_id ?? row[`${type}_id`] ?? row.id;
      const record = records.get(`${type}/${id}`);
      if (!record) {
        wrong.push(`${spec.name}: no ${type} ${id}`);
        continue;
      }
      for (const column of spec.columns) {
        if (!column.schema) continue;
        const indexes = indexColumns.map((c) => Number(row[c]));
        let value: unknown = record;
        let at = `${type}/${id}`;
        column.schema.path.forEach((seg, i) => {
          value = (value as Obj | undefined)?.[seg];
          at += `/${seg}`;
          if (Array.isArray(value) && indexes.length > 0 && (i < column.schema!.path.length - 1 || column.schema!.items)) {
            const n = indexes.shift()!;
            value = value[n];
            at += `/${n}`;
          }
        });
        const cell = cellValue(row[column.name]!, types.get(column.name)!, column.name === "value" && spec.name === "claims" ? row.value_type : undefined);
        // A measure without targets applies to every target of the sanction: the CSV says so with [].
        const same = JSON.stringify(cell) === JSON.stringify(value ?? undefined) || (JSON.stringify(cell) === "[]" && value === undefined && `${spec.name}.${column.name}` === "sanction_measures.targets");
        if (!same) wrong.push(`${spec.name}.${column.name} at ${at}: CSV ${JSON.stringify(cell)}, JSON ${JSON.stringify(value)}`);
        const under = new Set<string>();
        leaves(value, at, under);
        for (const leaf of under) covered.add(leaf);
      }
    }
  }
  const all = new Set<string>();
  for (const [key, rec] of records) leaves(rec, key, all);
  return { missing: [...all].filter((leaf) => !covered.has(leaf)), wrong };
}

for (const [name, root] of [
  ["fixture with every list", () => writeFixture(richFixture())],
  ["real data/", () => ROOT],
] as const) {
  describe(`the data package (${name})`, () => {
    let out: string;
    beforeAll(async () => {
      out = await buildInto(root());
    }, 120_000);

    it("the Frictionless library reads every table with zero errors, foreign keys checked", async () => {
      expect(await frictionlessProblems(out)).toEqual([]);
    }, 60_000);

    it("every link table declares foreign keys, and each one holds (an independent check)", () => {
      const resources = resourcesOf(out);
      const byName = new Map(resources.map((r) => [r.name, r]));
      for (const r of resources) {
        if (!RECORD_TYPE_NAMES.some((t) => RECORD_TYPES[t].plural === r.name)) expect(r.schema.foreignKeys?.length ?? 0, r.name).toBeGreaterThan(0);
        for (const fk of r.schema.foreignKeys ?? []) {
          const target = fk.reference.resource === "" ? r : byName.get(fk.reference.resource)!;
          const ids = new Set(rowsOf(out, target).map((row) => row[fk.reference.fields]));
          const dangling = rowsOf(out, r).map((row) => row[fk.fields]!).filter((v) => v !== "" && !ids.has(v));
          expect(dangling, `${r.name}.${fk.fields} → ${target.name}.${fk.reference.fields}`).toEqual([]);
        }
      }
    });

    it("no required column has an empty cell, and every nullable field is not required (an independent check)", () => {
      for (const r of resourcesOf(out)) {
        const rows = rowsOf(out, r);
        for (const f of r.schema.fields) if (f.constraints?.required) expect(rows.filter((row) => row[f.name] === "").length, `${r.name}.${f.name}`).toBe(0);
      }
      const meetings = resourcesOf(out).find((r) => r.name === "meetings")!;
      for (const nullable of ["cameo", "participant_sanctioned"]) expect(meetings.schema.fields.find((f) => f.name === nullable)?.constraints?.required, nullable).toBeUndefined();
    });

    it("every partial date has _from and _to days typed date and an _edtf form the edtf parser reads, all agreeing", () => {
      let checked = 0;
      for (const r of resourcesOf(out)) {
        const fields = r.schema.fields;
        for (const [i, f] of fields.entries()) {
          if (f.constraints?.pattern === undefined) continue;
          expect(fields.slice(i + 1, i + 4).map((x) => [x.name, x.type])).toEqual([
            [`${f.name}_from`, "date"],
            [`${f.name}_to`, "date"],
            [`${f.name}_edtf`, "string"],
          ]);
          for (const row of rowsOf(out, r)) {
            const text = row[f.name]!;
            if (text === "") continue;
            checked++;
            expect(text, `${r.name}.${f.name}`).toMatch(new RegExp(f.constraints.pattern));
            const parsed = edtf(row[`${f.name}_edtf`]!);
            const day = (ms: number): string | undefined => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined);
            const [from, to] = [row[`${f.name}_from`] || undefined, row[`${f.name}_to`] || undefined];
            const where = `${r.name}.${f.name} ${text} → ${row[`${f.name}_edtf`]}`;
            if (/^(circa) /.test(text)) {
              // Approximate: the EDTF date is the one named; the day columns widen it.
              expect(day(parsed.min)! >= from! && day(parsed.max)! <= to!, where).toBe(true);
            } else if (/^before /.test(text)) {
              expect([from, day(parsed.min)], where).toEqual([undefined, undefined]);
              expect(to! < day(parsed.max)!, where).toBe(true);
            } else if (/^after /.test(text)) {
              expect([to, day(parsed.max)], where).toEqual([undefined, undefined]);
              expect(from! > day(parsed.min)! || from === day(parsed.min), where).toBe(true);
            } else expect([day(parsed.min), day(parsed.max)], where).toEqual([from, to]);
          }
        }
      }
      expect(checked).toBeGreaterThan(5);
    });

    it("every leaf field of every record is reachable from the CSVs, with the same value", () => {
      const { missing, wrong } = unreachable(out);
      expect(wrong).toEqual([]);
      expect(missing).toEqual([]);
    });
  });
}

describe("every field the public schemas define has a CSV column", () => {
  it("each leaf of each record type's public schema is a column's path (or inside a JSON-array column)", () => {
    const schemas = publicSchemas(loadSchemaSet().schemas);
    // A table of a list several types share (sources, claims…) covers that list of each type it holds.
    const typesOf = (t: (typeof TABLES)[number]): unknown[] | undefined => t.columns.find((c) => c.name === "record_type")?.field?.constraints?.enum;
    const columns = new Set(TABLES.flatMap((t) => t.columns.flatMap((c) => (c.schema ? (typesOf(t) ?? [c.schema.type]).map((type) => `${String(type)}/${c.schema!.path.join("/")}`) : []))));
    const missing: string[] = [];
    const walk = (node: JsonSchema, file: string, at: string[], type: string, depth: number): void => {
      const { schema, file: f } = followRefs(node, file, schemas);
      const props = schema.properties as Record<string, JsonSchema> | undefined;
      if (props && depth < 8) for (const [k, v] of Object.entries(props)) walk(v, f, [...at, k], type, depth + 1);
      else if (schema.type === "array" && (followRefs(schema.items as JsonSchema, f, schemas).schema.properties) && depth < 8) walk(schema.items as JsonSchema, f, at, type, depth + 1);
      else {
        const leaf = `${type}/${at.join("/")}`;
        if (![...columns].some((c) => leaf === c || leaf.startsWith(`${c}/`))) missing.push(leaf);
      }
    };
    for (const type of RECORD_TYPE_NAMES) walk(schemas.get(RECORD_TYPES[type].schema)!, RECORD_TYPES[type].schema, [], type, 0);
    expect(missing).toEqual([]);
  });
});

describe("the checks are live", () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(writeFixture(richFixture()));
  }, 120_000);

  const brokenCopy = (file: string, change: (text: string) => string): string => {
    const copy = path.join(tempDir("sidelines-broken-"), "dist");
    fs.cpSync(out, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, file), change(fs.readFileSync(path.join(copy, file), "utf8")));
    return copy;
  };

  it("the Frictionless read reports a broken foreign key", async () => {
    const copy = brokenCopy("csv/meeting_participants.csv", (t) => t.replace(",lloyd-austin,", ",nobody-at-all,"));
    // datapackage.json's hashes and sizes no longer match: the library reads the tables regardless.
    expect((await frictionlessProblems(copy)).join("\n")).toMatch(/meeting-participants: .*nobody-at-all|meeting-participants: .*[Ff]oreign key/s);
  }, 60_000);

  it("the Frictionless read reports an empty cell in a required column", async () => {
    const copy = brokenCopy("csv/meetings.csv", (t) => t.replace(/\n([^,\n]+),[^,\n]+,/, "\n$1,,"));
    expect((await frictionlessProblems(copy)).join("\n")).toMatch(/meetings: .*"required" constraint for column "title"/s);
  }, 60_000);

  it("the reachability check reports a column the CSVs drop", () => {
    const copy = path.join(tempDir("sidelines-dropped-"), "dist");
    fs.cpSync(out, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, "csv/claims.csv"), fs.readFileSync(path.join(copy, "csv/claims.csv"), "utf8").split("\n")[0] + "\n");
    expect(unreachable(copy).missing).toEqual(expect.arrayContaining(["actor/lloyd-austin/claims/0/note", "meeting/austin-wei-fenghe-shangri-la-2022/claims/1/value"]));
  });
});
