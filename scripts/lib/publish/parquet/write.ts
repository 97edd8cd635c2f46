/**
 * parquet/: the release as Parquet files, written by DuckDB. One file per record type with the whole
 * records, nested fields kept as nested types (STRUCTs and LISTs typed from the public schemas), read
 * from the NDJSON the build wrote; and one per link table, with the column types datapackage.json
 * declares, read from the CSV. Each file is written by one DuckDB instance on one thread with insertion
 * order kept, so that two builds of one commit write the same bytes (a test checks it); two such
 * instances run at once, each file in an instance of its own.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { JsonSchema } from "../../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../record-types.ts";
import { TABLES, tableSchema } from "../csv/tables.ts";
import { cellExpression, ident, literal, recordColumns } from "./column-types.ts";

/** The link tables: every table that is not one record type's own (those are the nested files). */
export const RECORD_TABLES: ReadonlySet<string> = new Set(RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].plural));
/**
 * A row group is held whole in memory until it is written. At 100,000 realistic records one of 100,000
 * rows (all 38,000 meetings) took the Parquet step to 1.22 GB of peak RSS; at 16,384 rows it took
 * 0.69 GB, in the same 2 s (two instances at once; `ROW_GROUP_SIZE_BYTES` applies only without
 * `preserve_insertion_order`, which the same bytes in every build need). A dataset of fewer rows than
 * that is written in one row group either way.
 */
export const PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384";

/**
 * `read_json`'s `maximum_object_size` sets the size of the buffers DuckDB reads with (twice it), and a
 * line longer than those buffers fails the read. At 64 MiB the meetings file of 100,000 realistic
 * records took 100 MB more memory than at DuckDB's default of 16 MiB, and smaller sizes saved nothing
 * more. So it is that default, raised to the next power of two above the file's longest line.
 */
const READ_BUFFER = 16 * 1024 * 1024;

/** The length in bytes of the longest line of `file` (newline excluded), read 1 MiB at a time. */
export function longestLine(file: string): number {
  const fd = fs.openSync(file, "r");
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let longest = 0;
    let lineStart = 0; // the file offset where the current line starts
    for (let offset = 0, n: number; (n = fs.readSync(fd, chunk, 0, chunk.length, offset)) > 0; offset += n) {
      for (let at = chunk.indexOf(10); at !== -1 && at < n; at = chunk.indexOf(10, at + 1)) {
        longest = Math.max(longest, offset + at - lineStart);
        lineStart = offset + at + 1;
      }
      longest = Math.max(longest, offset + n - lineStart);
    }
    return longest;
  } finally {
    fs.closeSync(fd);
  }
}

/** The `maximum_object_size` for an NDJSON file whose longest line is `longest` bytes (see READ_BUFFER). */
export function readBufferFor(longest: number): number {
  let size = READ_BUFFER;
  while (size <= longest) size *= 2;
  return size;
}

/** The folders DuckDB may spill to, in the release's temporary folder (see writeParquet). */
const SPILL_PREFIX = ".parquet-spill-";

/** The two cores' worth of DuckDB instances the Parquet files are shared among, unless told otherwise. */
const INSTANCES = Math.max(1, Math.min(2, os.availableParallelism()));

/**
 * Writes parquet/ inside the release folder `dir`, from its ndjson/ and csv/; returns the paths written.
 * Each file is one `COPY`, written by a DuckDB instance of its own on one thread (so its bytes are the
 * same in every build); `instances` such instances run at once. An instance kept for several files
 * kept the memory of the largest: at 100,000 realistic records the Parquet step alone peaked at
 * 575–730 MB with two long-lived instances and at 490 MB with an instance per file, in the same time.
 */
export async function writeParquet(dir: string, schemas: ReadonlyMap<string, JsonSchema>, instances = INSTANCES): Promise<string[]> {
  fs.mkdirSync(path.join(dir, "parquet"), { recursive: true });
  const jobs: Array<{ rel: string; source: string; sql: string }> = [];
  for (const type of RECORD_TYPE_NAMES) {
    const { plural } = RECORD_TYPES[type];
    const columns = recordColumns(type, schemas);
    const source = path.join(dir, "ndjson", `${plural}.ndjson`);
    const rel = `parquet/${plural}.parquet`;
    // An empty NDJSON file has nothing to read; an empty table of the same columns stands for it.
    const select =
      fs.statSync(source).size === 0
        ? `SELECT ${columns.map(([name, t]) => `CAST(NULL AS ${t}) AS ${ident(name)}`).join(", ")} LIMIT 0`
        : `SELECT ${columns.map(([name]) => ident(name)).join(", ")} FROM read_json(${literal(source)}, format = 'newline_delimited', columns = {${columns.map(([name, t]) => `${literal(name)}: ${literal(t)}`).join(", ")}}, maximum_object_size = ${readBufferFor(longestLine(source))})`;
    jobs.push({ rel, source, sql: `COPY (${select}) TO ${literal(path.join(dir, rel))} (${PARQUET_OPTIONS})` });
  }
  for (const spec of TABLES) {
    if (RECORD_TABLES.has(spec.name)) continue;
    const { fields } = tableSchema(schemas as Map<string, JsonSchema>, spec);
    const source = path.join(dir, "csv", `${spec.name}.csv`);
    const rel = `parquet/${spec.name}.parquet`;
    const text = `{${fields.map((f) => `${literal(f.name)}: 'VARCHAR'`).join(", ")}}`;
    const read = `read_csv(${literal(source)}, header = true, columns = ${text}, quote = '"', escape = '"', nullstr = '', auto_detect = false, new_line = '\\n')`;
    jobs.push({ rel, source, sql: `COPY (SELECT ${fields.map(cellExpression).join(", ")} FROM ${read}) TO ${literal(path.join(dir, rel))} (${PARQUET_OPTIONS})` });
  }
  // Largest inputs first, so that no instance is left with a large file at the end.
  const queue = jobs.map((job) => ({ ...job, size: fs.statSync(job.source).size })).sort((a, b) => b.size - a.size);
  const runOne = async (_: unknown, i: number): Promise<void> => {
    // What DuckDB spills to disk goes into the release's temporary folder (by default it is `.tmp` in
    // the working directory, the user's), one folder per instance, made here (so never one that was
    // there before) and removed when the instance is done.
    const spill = path.join(dir, `${SPILL_PREFIX}${i}`);
    fs.mkdirSync(spill);
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const instance = await DuckDBInstance.create(":memory:", { threads: "1", preserve_insertion_order: "true", memory_limit: "1GB", enable_external_access: "true", temp_directory: spill });
        const conn = await instance.connect();
        try {
          await conn.run(job.sql);
        } finally {
          conn.closeSync();
          instance.closeSync();
        }
      }
    } catch (error) {
      queue.length = 0; // one file failed: the build fails, so the other instance starts nothing new
      throw error;
    } finally {
      fs.rmSync(spill, { recursive: true, force: true });
    }
  };
  const runs = Array.from({ length: Math.max(1, Math.min(instances, jobs.length)) }, runOne);
  const failed = (await Promise.allSettled(runs)).find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return jobs.map((job) => job.rel);
}
