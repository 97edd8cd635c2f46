/** For tests that query a built release with DuckDB: builds it once and opens an in-memory database, closed after the tests. */
import { afterAll, beforeAll } from "vitest";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { buildInto } from "./fixture.ts";

export interface ReleaseDb {
  /** The release folder. */
  out: string;
  conn: DuckDBConnection;
}

/** Call inside a describe: the returned object is filled before its tests run. */
export function releaseWithDuckDb(root: () => string): ReleaseDb {
  const db = {} as ReleaseDb;
  let instance: DuckDBInstance | undefined;
  beforeAll(async () => {
    db.out = await buildInto(root());
    instance = await DuckDBInstance.create(":memory:");
    db.conn = await instance.connect();
  }, 120_000);
  afterAll(() => {
    db.conn?.closeSync();
    instance?.closeSync();
  });
  return db;
}
