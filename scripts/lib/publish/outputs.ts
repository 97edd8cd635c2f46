/**
 * Step 4 of the build: the release files, written in pieces. Everything here is a pure function of the
 * records, the schemas and the source info, so two builds of one commit give the same bytes.
 */
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import type { DatasetMetadata } from "../types.generated.ts";
import type { PublishedRecords } from "./records.ts";
import { recordCounts } from "./records.ts";
import { prettyJson } from "./json.ts";
import { jsonText } from "../json-text.ts";
import type { OutputDir } from "./output-file.ts";
import { resourceName, TABLES, tableSchema } from "./csv/tables.ts";
import { CsvTablesWriter } from "./csv/writer.ts";
import type { FileHash } from "./manifest.ts";
import type { SourceInfo } from "./source-info.ts";
import { CODE_LICENSE, DATA_LICENSE } from "../release/licences.ts";
import type { Citation } from "../release/citation.ts";

export const TITLE = "Sidelines";

export function datasetMetadata(records: PublishedRecords, version: string, source: SourceInfo, citation: Pick<Citation, "bibtex" | "apa">): DatasetMetadata {
  return {
    name: "sidelines",
    title: TITLE,
    version,
    license: DATA_LICENSE.name,
    code_license: CODE_LICENSE.spdx,
    source_commit: source.commit,
    source_date: source.date,
    record_counts: recordCounts(records),
    citation: { bibtex: citation.bibtex, apa: citation.apa },
  };
}

/** `text` with every line after the first indented by `indent`. */
const indentLines = (text: string, indent: string): string => text.replaceAll("\n", `\n${indent}`);

/**
 * json/, ndjson/ and dataset.json, written record by record in one pass: the same bytes as
 * `prettyJson(list)`, one `jsonText(record)` line per record, and `prettyJson(dataset)`, without
 * ever holding a whole file's text (a test checks the bytes against those forms).
 */
export function writeJsonFiles(records: PublishedRecords, metadata: DatasetMetadata, out: OutputDir, onNdjson?: (type: RecordType, lines: string) => void): void {
  const dataset = out.open("dataset.json");
  try {
    dataset.write(`{\n  "metadata": ${indentLines(jsonText(metadata, 2), "  ")}`);
    for (const type of RECORD_TYPE_NAMES) {
      const { plural } = RECORD_TYPES[type];
      const list = records[type] as readonly unknown[];
      dataset.write(`,\n  ${JSON.stringify(plural)}: `);
      const json = out.open(`json/${plural}.json`);
      const ndjson = out.open(`ndjson/${plural}.ndjson`);
      // The NDJSON lines also go, in batches, to whoever writes the CSV tables meanwhile.
      let batch: string[] = [];
      const pass = (): void => {
        if (batch.length > 0) onNdjson?.(type, batch.join(""));
        batch = [];
      };
      try {
        if (list.length === 0) {
          json.write("[]");
          dataset.write("[]");
        } else {
          json.write("[\n");
          dataset.write("[\n");
          list.forEach((record, i) => {
            const pretty = jsonText(record, 2);
            const separator = i === 0 ? "" : ",\n";
            json.write(`${separator}  ${indentLines(pretty, "  ")}`);
            dataset.write(`${separator}    ${indentLines(pretty, "    ")}`);
            const line = `${jsonText(record)}\n`;
            ndjson.write(line);
            if (onNdjson) {
              batch.push(line);
              if (batch.length === CSV_BATCH) pass();
            }
          });
          pass();
          json.write("\n]");
          dataset.write("\n  ]");
        }
        json.write("\n");
      } finally {
        out.close(json);
        out.close(ndjson);
      }
    }
    dataset.write("\n}\n");
  } finally {
    out.close(dataset);
  }
}

/** Records per batch handed to the CSV writer. */
const CSV_BATCH = 2000;

/** csv/ on this thread: the tables, fed the records a batch at a time. Returns each table's hash and size. */
export function writeCsvFiles(records: PublishedRecords, out: OutputDir): Map<string, FileHash> {
  const writer = new CsvTablesWriter(out);
  for (const type of RECORD_TYPE_NAMES) {
    const list = records[type] as readonly unknown[];
    for (let i = 0; i < list.length; i += CSV_BATCH) writer.add(type, list.slice(i, i + CSV_BATCH));
  }
  return writer.close();
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
