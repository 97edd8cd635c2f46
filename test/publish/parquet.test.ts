/**
 * parquet/: a Parquet file for every table, which DuckDB reads with the same rows as the CSV; the record
 * files keep nested fields as nested types and hold exactly the NDJSON records; the link tables have
 * the declared column types and the original text (no spreadsheet guard); every file is in the
 * manifest and SHA256SUMS. (Two builds giving identical bytes, Parquet included: determinism.test.ts.)
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { ROOT } from "../../scripts/lib/paths.ts";
import { TABLES } from "../../scripts/lib/publish/csv/tables.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import { removeTempDirs, richFixture, tempDir, writeFixture } from "./fixture.ts";
import { releaseWithDuckDb } from "./duckdb-release.ts";
import { longestLine, readBufferFor, writeParquet } from "../../scripts/lib/publish/parquet/write.ts";
import { publicSchemas } from "../../scripts/lib/publish/public-schemas.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";

afterAll(removeTempDirs);

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A value with every null and empty-object member removed, for comparing DuckDB's JSON (absent = null) with the records. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    const out = Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])));
    return Object.keys(out).length > 0 ? out : null;
  }
  return value;
}

for (const [name, root] of [
  ["fixture with every list", () => writeFixture(richFixture())],
  ["real data/", () => ROOT],
] as const) {
  describe(`Parquet (${name})`, () => {
    const db = releaseWithDuckDb(root);
    const rows = async (sql: string): Promise<Array<Record<string, unknown>>> => (await db.conn.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;

    it("has a file for every table, listed in the manifest and SHA256SUMS, with the CSV's row count", async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(db.out, "manifest.json"), "utf8")) as { files: Record<string, unknown> };
      const sums = fs.readFileSync(path.join(db.out, "SHA256SUMS"), "utf8");
      for (const spec of TABLES) {
        const rel = `parquet/${spec.name}.parquet`;
        expect(manifest.files[rel], rel).toBeDefined();
        expect(sums).toContain(`  ${rel}\n`);
        const csvRows = (parseCsv(fs.readFileSync(path.join(db.out, "csv", `${spec.name}.csv`), "utf8"), { columns: true }) as unknown[]).length;
        const [{ n }] = (await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${q(path.join(db.out, rel))})`)) as [{ n: number }];
        expect(n, rel).toBe(csvRows);
      }
      expect(fs.readdirSync(path.join(db.out, "parquet")).sort()).toEqual(TABLES.map((t) => `${t.name}.parquet`).sort());
    });

    it("the record files keep nested fields as nested types and hold exactly the NDJSON records", async () => {
      const types = await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${q(path.join(db.out, "parquet/meetings.parquet"))}))`);
      const typeOf = new Map(types.map((t) => [t.column_name, t.column_type]));
      expect(typeOf.get("participants")).toMatch(/^STRUCT\(actor VARCHAR, "role" VARCHAR, on_behalf_of VARCHAR\)\[\]$/);
      expect(typeOf.get("location")).toMatch(/^STRUCT\(venue VARCHAR, city VARCHAR, country VARCHAR\)$/);
      expect(typeOf.get("duration_minutes")).toBe("BIGINT");
      expect(typeOf.get("participant_sanctioned")).toBe("BOOLEAN");
      for (const type of RECORD_TYPE_NAMES) {
        const { plural } = RECORD_TYPES[type];
        const fromParquet = (await rows(`SELECT to_json(t)::VARCHAR AS j FROM read_parquet(${q(path.join(db.out, `parquet/${plural}.parquet`))}) t`)).map((r) => withoutNulls(JSON.parse(String(r.j))));
        const fromNdjson = fs.readFileSync(path.join(db.out, "ndjson", `${plural}.ndjson`), "utf8").split("\n").filter(Boolean).map((l) => withoutNulls(JSON.parse(l)));
        expect(fromParquet, plural).toEqual(fromNdjson);
      }
    });

    it("writes the same bytes with one DuckDB instance as with several at once", async () => {
      const schemas = publicSchemas(readSchemas());
      const copies = [1, 3].map((instances) => {
        const dir = tempDir("sidelines-parquet-");
        for (const sub of ["ndjson", "csv"]) fs.cpSync(path.join(db.out, sub), path.join(dir, sub), { recursive: true });
        return { instances, dir };
      });
      const files = fs.readdirSync(path.join(db.out, "parquet")).sort();
      expect(files.length).toBe(TABLES.length);
      for (const { instances, dir } of copies) expect((await writeParquet(dir, schemas, instances)).sort()).toEqual(files.map((f) => `parquet/${f}`));
      for (const file of files) {
        const built = fs.readFileSync(path.join(db.out, "parquet", file));
        for (const { dir } of copies) expect(fs.readFileSync(path.join(dir, "parquet", file)).equals(built), file).toBe(true);
      }
    }, 120_000);

    it("the link tables have the declared types and the original text, without the CSV's spreadsheet guard", async () => {
      const editions = new Map((await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${q(path.join(db.out, "parquet/forum_editions.parquet"))}))`)).map((t) => [t.column_name, t.column_type]));
      expect([editions.get("item_index"), editions.get("number"), editions.get("start"), editions.get("start_from"), editions.get("end_to")]).toEqual(["BIGINT", "BIGINT", "VARCHAR", "DATE", "DATE"]);
      const days = await rows(`SELECT id, ("end_to" - start_from)::INTEGER + 1 AS days FROM read_parquet(${q(path.join(db.out, "parquet/forum_editions.parquet"))}) WHERE id = 'shangri-la-dialogue-2023'`);
      expect(days).toEqual([{ id: "shangri-la-dialogue-2023", days: 3 }]);
      const measures = await rows(`SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet(${q(path.join(db.out, "parquet/sanction_measures.parquet"))})) WHERE column_name = 'targets'`);
      expect(measures).toEqual([{ column_type: "VARCHAR[]" }]);
      // Every text cell equals the JSON's text: the link tables against the records they come from.
      const notes = await rows(`SELECT record_type, record_id, item_index::INTEGER AS i, "text" FROM read_parquet(${q(path.join(db.out, "parquet/notes.parquet"))})`);
      // Each type's JSON read once, indexed by id: read per note, the check grew as notes × records.
      const byType = new Map<string, Map<string, { notes: Array<{ text: string }> }>>();
      const recordOf = (type: string, id: string): { notes: Array<{ text: string }> } | undefined => {
        let byId = byType.get(type);
        if (!byId) {
          const records = JSON.parse(fs.readFileSync(path.join(db.out, "json", `${RECORD_TYPES[type as keyof typeof RECORD_TYPES].plural}.json`), "utf8")) as Array<{ id: string; notes: Array<{ text: string }> }>;
          byType.set(type, (byId = new Map(records.map((r) => [r.id, r]))));
        }
        return byId.get(id);
      };
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n.text).toBe(recordOf(String(n.record_type), String(n.record_id))!.notes[n.i as number]!.text);
    });
  });
}

describe("Parquet keeps text a spreadsheet would take for a formula as it is", () => {
  const values = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "'=already quoted", "''+twice", "plain", "'just a quote"];
  const db = releaseWithDuckDb(() => {
    const records = richFixture();
    records.actor.find((a) => a.id === "lloyd-austin")!.notes = values.map((text) => ({ text }));
    return writeFixture(records);
  });

  it("restores the one ' the CSV adds, and only that", async () => {
    const texts = (await db.conn.runAndReadAll(`SELECT "text" FROM read_parquet(${q(path.join(db.out, "parquet/notes.parquet"))}) WHERE record_id = 'lloyd-austin' ORDER BY item_index`)).getRowObjectsJson().map((r) => r.text);
    expect(texts).toEqual(values);
    expect(fs.readFileSync(path.join(db.out, "csv/notes.csv"), "utf8")).toContain("'=1+1");
  });
});

describe("DuckDB reads each NDJSON file with buffers sized to its longest line", () => {
  const MiB = 1024 * 1024;

  it("measures the longest line in bytes, across read chunks, with or without a final newline", () => {
    const dir = tempDir("sidelines-longest-line-");
    const cases: Array<[string, string | Buffer, number]> = [
      ["empty", "", 0],
      ["one line, no newline", "abc", 3],
      ["newline only", "\n", 0],
      ["last line longest, no newline", "ab\ncdef", 4],
      ["bytes, not characters", "\u00e9\u00e9\n\u4e2d\n", 4],
      // a line across the 1 MiB read chunks, then a short one
      ["across chunks", Buffer.concat([Buffer.from("x\n"), Buffer.alloc(MiB + 5, 0x61), Buffer.from("\nyz\n")]), MiB + 5],
      ["newline at a chunk's last byte", Buffer.concat([Buffer.alloc(MiB - 1, 0x61), Buffer.from("\n"), Buffer.alloc(7, 0x62)]), MiB - 1],
    ];
    for (const [name, content, expected] of cases) {
      const file = path.join(dir, `${cases.findIndex((c) => c[0] === name)}.ndjson`);
      fs.writeFileSync(file, content);
      expect(longestLine(file), name).toBe(expected);
    }
  });

  it("keeps DuckDB's default of 16 MiB unless a line needs more, then the next power of two above it", () => {
    expect([0, 1_481_190, 16 * MiB - 1].map(readBufferFor)).toEqual([16 * MiB, 16 * MiB, 16 * MiB]);
    expect([16 * MiB, 20 * MiB, 32 * MiB].map(readBufferFor)).toEqual([32 * MiB, 32 * MiB, 64 * MiB]);
  });

  const db = releaseWithDuckDb(() => writeFixture(richFixture()));

  it("writes a record whose NDJSON line is longer than twice the default limit of 16 MiB", async () => {
    const dir = tempDir("sidelines-parquet-long-");
    for (const sub of ["ndjson", "csv"]) fs.cpSync(path.join(db.out, sub), path.join(dir, sub), { recursive: true });
    const file = path.join(dir, "ndjson/actors.ndjson");
    const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
    const long = "x".repeat(40 * MiB);
    const first = JSON.parse(lines[0]!) as { id: string; summary?: string };
    lines[0] = JSON.stringify({ ...first, summary: long });
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    await writeParquet(dir, publicSchemas(readSchemas()));
    const [row] = (await db.conn.runAndReadAll(`SELECT length(summary)::INTEGER AS n FROM read_parquet(${q(path.join(dir, "parquet/actors.parquet"))}) WHERE id = ${q(first.id)}`)).getRowObjectsJson();
    expect(row).toEqual({ n: long.length });
  }, 120_000);
});
