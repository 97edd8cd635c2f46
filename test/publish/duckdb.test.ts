/**
 * The release works in the engines consumers use at scale: DuckDB reads the CSV tables (with the types
 * datapackage.json declares) and the NDJSON files, and a join of meetings × participants × actors finds
 * the founding report's declined meeting — Austin and Li Shangfu at the 2023 Shangri-La Dialogue.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ROOT } from "../../scripts/lib/paths.ts";
import { removeTempDirs, writeFixture } from "./fixture.ts";
import { releaseWithDuckDb } from "./duckdb-release.ts";

afterAll(removeTempDirs);

interface Field {
  name: string;
  type: string;
}
interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; primaryKey: string[] };
}

const SQL_TYPE: Record<string, string> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", boolean: "BOOLEAN", array: "JSON", date: "DATE" };
const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Creates one typed view per CSV, with the column types datapackage.json declares. */
async function loadCsvTables(conn: DuckDBConnection, out: string): Promise<Resource[]> {
  const { resources } = JSON.parse(fs.readFileSync(path.join(out, "datapackage.json"), "utf8")) as { resources: Resource[] };
  for (const r of resources) {
    const columns = `{${r.schema.fields.map((f) => `${q(f.name)}: ${q(SQL_TYPE[f.type]!)}`).join(", ")}}`;
    await conn.run(`CREATE VIEW "${r.name.replace(/-/g, "_")}" AS SELECT * FROM read_csv(${q(path.join(out, r.path))}, header = true, columns = ${columns}, quote = '"', escape = '"', nullstr = '', auto_detect = false)`);
  }
  return resources;
}

const DECLINED_JOIN = `
  SELECT m.id, m.title, m.participant_sanctioned, list_sort(list(a.name)) AS names
  FROM meetings m
  JOIN meeting_participants p ON p.meeting_id = m.id
  JOIN actors a ON a.id = p.actor_id
  WHERE m.status = 'declined'
  GROUP BY m.id, m.title, m.participant_sanctioned
  HAVING list_contains(list(p.actor_id), 'lloyd-austin') AND list_contains(list(p.actor_id), 'li-shangfu')
  ORDER BY m.id`;

for (const [name, root, expectedId] of [
  ["fixture", () => writeFixture(), "austin-li-shangfu-shangri-la-2023"],
  ["real data/", () => ROOT, "austin-li-shangfu-shangri-la-2023"],
] as const) {
  describe(`DuckDB on the release (${name})`, () => {
    const db = releaseWithDuckDb(root);

    it("loads every CSV with its declared column types, and primary keys hold", async () => {
      const resources = await loadCsvTables(db.conn, db.out);
      for (const r of resources) {
        const view = r.name.replace(/-/g, "_");
        const keys = r.schema.primaryKey.map((k) => `"${k}"`).join(", ");
        const rows = (await db.conn.runAndReadAll(`SELECT count(*) AS n, count(DISTINCT (${keys})) AS k FROM "${view}"`)).getRowObjectsJson()[0]!;
        const lines = fs.readFileSync(path.join(db.out, r.path), "utf8").split("\n").length - 2;
        expect(rows.n, r.name).toBe(rows.k);
        expect(Number(rows.n), r.name).toBeLessThanOrEqual(lines);
      }
      const counts = JSON.parse(fs.readFileSync(path.join(db.out, "manifest.json"), "utf8")).record_counts as Record<string, number>;
      const n = (await db.conn.runAndReadAll("SELECT count(*)::INTEGER AS n FROM meetings")).getRowObjectsJson()[0]!.n;
      expect(n).toBe(counts.meeting);
    });

    it("joins meetings × participants × actors from the CSV files to the declined Austin–Li Shangfu meeting", async () => {
      const rows = (await db.conn.runAndReadAll(DECLINED_JOIN)).getRowObjectsJson();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: expectedId, participant_sanctioned: true, names: expect.arrayContaining(["Li Shangfu", "Lloyd Austin"]) });
      expect(String(rows[0]!.title)).toMatch(/Shangri-La/);
    });

    it("does date arithmetic on partial dates read straight from the CSV (no Binder Error): the derived day columns are dates", async () => {
      const csv = (t: string): string => q(path.join(db.out, "csv", `${t}.csv`));
      const types = (await db.conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${csv("forum_editions")}) WHERE column_name IN ('start_from', 'start_to', 'end_from', 'end_to')`)).getRowObjectsJson();
      expect(types.map((t) => t.column_type)).toEqual(["DATE", "DATE", "DATE", "DATE"]);
      const days = (await db.conn.runAndReadAll(`SELECT id, ("end_to" - start_from)::INTEGER + 1 AS days FROM ${csv("forum_editions")} WHERE id = 'shangri-la-dialogue-2023'`)).getRowObjectsJson();
      expect(days).toEqual([{ id: "shangri-la-dialogue-2023", days: 3 }]);
      // Across tables: meetings held on the sidelines of an edition fall within its days.
      const outside = (
        await db.conn.runAndReadAll(`SELECT m.id FROM ${csv("meetings")} m JOIN ${csv("forum_editions")} e ON e.id = m.sidelines_of
          WHERE m.status = 'held' AND m.date_from IS NOT NULL AND e.start_from IS NOT NULL AND NOT (m.date_to >= e.start_from - 1 AND m.date_from <= coalesce(e.end_to, e.start_to) + 1)`)
      ).getRowObjectsJson();
      expect(outside).toEqual([]);
    });

    it("runs the same join on the NDJSON files", async () => {
      const nd = (f: string): string => `read_json(${q(path.join(db.out, "ndjson", f))}, format = 'newline_delimited')`;
      const rows = (
        await db.conn.runAndReadAll(`
          WITH p AS (SELECT m.id, m.status, unnest(m.participants) AS part FROM ${nd("meetings.ndjson")} m)
          SELECT p.id, list_sort(list(a.name)) AS names
          FROM p JOIN ${nd("actors.ndjson")} a ON a.id = p.part.actor
          WHERE p.status = 'declined'
          GROUP BY p.id
          HAVING list_contains(list(a.id), 'lloyd-austin') AND list_contains(list(a.id), 'li-shangfu')`)
      ).getRowObjectsJson();
      expect(rows.map((r) => r.id)).toEqual([expectedId]);
    });

    it("follows the decline to the sanction that was cited", async () => {
      const rows = (
        await db.conn.runAndReadAll(`
          SELECT c.cameo, s.id AS sanction, s.announced
          FROM meeting_status_changes c JOIN sanctions s ON s.id = c.sanction
          WHERE c.meeting_id = ${q(expectedId)} AND c.status = 'declined'`)
      ).getRowObjectsJson();
      expect(rows).toEqual([{ cameo: "125", sanction: "us-caatsa-231-2018-edd-li-shangfu", announced: expect.stringMatching(/^2018/) }]);
    });
  });
}
