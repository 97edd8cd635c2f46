/**
 * Step 4 of the build: the release files, written in pieces. Everything here is a pure function of the
 * records, the schemas and the source info, so two builds of one commit give the same bytes.
 */
import type { JsonSchema } from "../schemas.ts";
import type { RecordType } from "../record-types.ts";
import type { DatasetMetadata } from "../types.generated.ts";
import { prettyJson } from "./json.ts";
import type { OutputDir } from "./output-file.ts";
import { resourceName, TABLES, tableSchema } from "./csv/tables.ts";
import { CsvTablesWriter } from "./csv/writer.ts";
import type { FileHash } from "./manifest.ts";
import type { SourceInfo } from "./source-info.ts";
import { CODE_LICENSE, DATA_LICENSE } from "../release/licences.ts";
import type { Citation } from "../release/citation.ts";

export const TITLE = "Sidelines";

export function datasetMetadata(counts: Record<RecordType, number>, version: string, source: SourceInfo, citation: Pick<Citation, "bibtex" | "apa">): DatasetMetadata {
  return {
    name: "sidelines",
    title: TITLE,
    version,
    license: DATA_LICENSE.name,
    code_license: CODE_LICENSE.spdx,
    source_commit: source.commit,
    source_date: source.date,
    record_counts: counts,
    citation: { bibtex: citation.bibtex, apa: citation.apa },
  };
}

/** Records per batch handed to the CSV writer. */
export const CSV_BATCH = 2000;

/** csv/ on this thread, fed the records one at a time as they are written (a type's records all before the next type's). */
export class CsvBatches {
  private readonly writer: CsvTablesWriter;
  private type: RecordType | undefined;
  private batch: unknown[] = [];

  constructor(out: OutputDir) {
    this.writer = new CsvTablesWriter(out);
  }

  add(type: RecordType, record: unknown): void {
    if (type !== this.type || this.batch.length === CSV_BATCH) this.flush();
    this.type = type;
    this.batch.push(record);
  }

  /** Writes the rows of the records added so far. */
  flush(): void {
    if (this.type !== undefined && this.batch.length > 0) this.writer.add(this.type, this.batch);
    this.batch = [];
  }

  /** Writes what is left and closes every table; returns each one's hash and size, by path. */
  close(): Map<string, FileHash> {
    this.flush();
    return this.writer.close();
  }

  /** Closes the tables without finishing them (the build failed; its folder is removed). */
  abandon(): void {
    this.writer.abandon();
  }
}

/** A table written outside csv/ (the event rows), described in datapackage.json like the others. */
export interface ExtraTable {
  name: string;
  path: string;
  title: string;
  description: string;
  /** Its Table Schema. */
  schema: object;
}

/** datapackage.json, which describes each CSV (with its hash) as a Frictionless tabular resource. */
export function writeDatapackage(publicSchemas: Map<string, JsonSchema>, metadata: DatasetMetadata, csvHashes: ReadonlyMap<string, FileHash>, out: OutputDir, extra: readonly ExtraTable[] = []): void {
  // The CSV tables of the record types, then the extra ones (events), described alike.
  const tables: ExtraTable[] = [
    ...TABLES.map((spec) => ({ name: resourceName(spec.name), path: `csv/${spec.name}.csv`, title: spec.title, description: spec.description, schema: tableSchema(publicSchemas, spec) })),
    ...extra,
  ];
  const resources = tables.map((table) => {
    const written = csvHashes.get(table.path) ?? out.hashes.get(table.path);
    if (!written) throw new Error(`internal error: ${table.path} was not written`);
    return {
      name: table.name,
      path: table.path,
      profile: "tabular-data-resource",
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: written.bytes,
      hash: `sha256:${written.sha256}`,
      dialect: { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false },
      schema: table.schema,
    };
  });
  const datapackage = {
    profile: "tabular-data-package",
    name: "sidelines",
    title: TITLE,
    description:
      "Defence-diplomacy records — actors, sanctions, meetings (held or not) and forums — with their sources. Each CSV is one table; lists inside a field are JSON arrays; an empty cell is a missing value. The JSON files in the same release hold the full records.",
    version: metadata.version,
    ...(metadata.source_date !== "unknown" ? { created: metadata.source_date } : {}),
    licenses: [DATA_LICENSE],
    sources: [{ title: `Sidelines data at commit ${metadata.source_commit}` }],
    resources,
  };
  out.write("datapackage.json", [prettyJson(datapackage)]);
}

/** schemas/: the public schemas. */
export function schemaFiles(publicSchemas: Map<string, JsonSchema>): Map<string, string> {
  return new Map([...publicSchemas].map(([file, schema]) => [`schemas/${file}`, prettyJson(schema)]));
}
