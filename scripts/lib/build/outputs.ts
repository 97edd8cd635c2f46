/**
 * Step 4 of the build: the release files, written in pieces. Everything here is a pure function of the
 * records, the schemas and the source info, so two builds of one commit give the same bytes.
 */
import { createHash } from "node:crypto";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import type { DatasetMetadata } from "../types.generated.ts";
import type { PublishedRecords } from "./records.ts";
import { recordCounts } from "./records.ts";
import { prettyJson } from "./json.ts";
import { csvRows, csvText } from "./csv.ts";
import type { OutputDir } from "./output-file.ts";
import { frictionlessField, tableCells, TABLES } from "./csv-tables.ts";
import type { SourceInfo } from "./source-info.ts";

export const TITLE = "Sidelines";
export const LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" };

export function datasetMetadata(records: PublishedRecords, version: string, source: SourceInfo): DatasetMetadata {
  return { name: "sidelines", title: TITLE, version, license: LICENSE.name, source_commit: source.commit, source_date: source.date, record_counts: recordCounts(records) };
}

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** `text` with every line after the first indented by `indent`. */
const indentLines = (text: string, indent: string): string => text.replaceAll("\n", `\n${indent}`);

/**
 * json/, ndjson/ and dataset.json, written record by record in one pass: the same bytes as
 * `prettyJson(list)`, one `JSON.stringify(record)` line per record, and `prettyJson(dataset)`, without
 * ever holding a whole file's text (a test checks the bytes against those forms).
 */
export function writeJsonFiles(records: PublishedRecords, metadata: DatasetMetadata, out: OutputDir): void {
  const dataset = out.open("dataset.json");
  try {
    dataset.write(`{\n  "metadata": ${indentLines(JSON.stringify(metadata, null, 2), "  ")}`);
    for (const type of RECORD_TYPE_NAMES) {
      const { plural } = RECORD_TYPES[type];
      const list = records[type] as readonly unknown[];
      dataset.write(`,\n  ${JSON.stringify(plural)}: `);
      const json = out.open(`json/${plural}.json`);
      const ndjson = out.open(`ndjson/${plural}.ndjson`);
      try {
        if (list.length === 0) {
          json.write("[]");
          dataset.write("[]");
        } else {
          json.write("[\n");
          dataset.write("[\n");
          list.forEach((record, i) => {
            const pretty = JSON.stringify(record, null, 2);
            const separator = i === 0 ? "" : ",\n";
            json.write(`${separator}  ${indentLines(pretty, "  ")}`);
            dataset.write(`${separator}    ${indentLines(pretty, "    ")}`);
            ndjson.write(`${JSON.stringify(record)}\n`);
          });
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

/** Rows per call to the CSV writer: a table is written in pieces, never held whole. */
const CSV_BATCH = 2000;

/** A table in pieces: the header, then its rows a batch at a time, each batch turned into cells only when written. */
function* csvPieces(spec: (typeof TABLES)[number], records: PublishedRecords): Generator<string> {
  yield csvText(
    spec.columns.map((c) => c.name),
    [],
  );
  const rows = spec.rows(records);
  for (let i = 0; i < rows.length; i += CSV_BATCH) yield csvRows(tableCells(spec, rows.slice(i, i + CSV_BATCH)));
}

/** csv/ and datapackage.json, which describes each CSV (with its hash) as a Frictionless tabular resource. */
export function writeCsvFiles(records: PublishedRecords, publicSchemas: Map<string, JsonSchema>, metadata: DatasetMetadata, out: OutputDir): void {
  const resources = [];
  for (const spec of TABLES) {
    const path = `csv/${spec.name}.csv`;
    const written = out.write(path, csvPieces(spec, records));
    const fields = spec.columns.map((c) => frictionlessField(publicSchemas, c));
    for (const f of fields) if (spec.primaryKey.length === 1 && spec.primaryKey[0] === f.name || spec.unique?.includes(f.name)) f.constraints = { ...f.constraints, required: true, unique: true };
    resources.push({
      name: spec.name.replace(/_/g, "-"),
      path,
      profile: "tabular-data-resource",
      title: spec.title,
      description: spec.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: written.bytes,
      hash: `sha256:${written.sha256}`,
      dialect: { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false },
      schema: { fields, primaryKey: spec.primaryKey, missingValues: [""] },
    });
  }
  const datapackage = {
    profile: "tabular-data-package",
    name: "sidelines",
    title: TITLE,
    description:
      "Defence-diplomacy records — actors, sanctions, meetings (held or not) and forums — with their sources. Each CSV is one table; lists inside a field are JSON arrays; an empty cell is a missing value. The JSON files in the same release hold the full records.",
    version: metadata.version,
    ...(metadata.source_date !== "unknown" ? { created: metadata.source_date } : {}),
    licenses: [LICENSE],
    sources: [{ title: `Sidelines data at commit ${metadata.source_commit}` }],
    resources,
  };
  out.write("datapackage.json", [prettyJson(datapackage)]);
}

/** schemas/: the public schemas. */
export function schemaFiles(publicSchemas: Map<string, JsonSchema>): Map<string, string> {
  return new Map([...publicSchemas].map(([file, schema]) => [`schemas/${file}`, prettyJson(schema)]));
}
