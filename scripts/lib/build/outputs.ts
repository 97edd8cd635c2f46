/**
 * Step 4 of the build: the release files, as path → text. Everything here is a pure function of the
 * records, the schemas and the source info, so two builds of one commit give the same bytes.
 */
import { createHash } from "node:crypto";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import type { Dataset, DatasetMetadata } from "../types.generated.ts";
import type { PublishedRecords } from "./records.ts";
import { recordCounts } from "./records.ts";
import { prettyJson } from "./json.ts";
import { csvText } from "./csv.ts";
import { frictionlessField, tableRows, TABLES } from "./csv-tables.ts";
import type { SourceInfo } from "./source-info.ts";

export const TITLE = "Sidelines";
export const LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" };

export function datasetMetadata(records: PublishedRecords, version: string, source: SourceInfo): DatasetMetadata {
  return { name: "sidelines", title: TITLE, version, license: LICENSE.name, source_commit: source.commit, source_date: source.date, record_counts: recordCounts(records) };
}

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/**
 * json/, ndjson/ and dataset.json, one file at a time: the caller writes each and lets it go, so a large
 * dataset never holds every output text in memory at once.
 */
export function* jsonFiles(records: PublishedRecords, metadata: DatasetMetadata): Generator<[string, string]> {
  const dataset: Record<string, unknown> = { metadata };
  for (const type of RECORD_TYPE_NAMES) {
    const { plural } = RECORD_TYPES[type];
    const list = records[type];
    dataset[plural] = list;
    yield [`json/${plural}.json`, prettyJson(list)];
    yield [`ndjson/${plural}.ndjson`, list.map((r) => `${JSON.stringify(r)}\n`).join("")];
  }
  yield ["dataset.json", prettyJson(dataset as unknown as Dataset)];
}

/** csv/ and datapackage.json, which describes each CSV (with its hash) as a Frictionless tabular resource. */
export function* csvFiles(records: PublishedRecords, publicSchemas: Map<string, JsonSchema>, metadata: DatasetMetadata): Generator<[string, string]> {
  const resources = [];
  for (const spec of TABLES) {
    const path = `csv/${spec.name}.csv`;
    const text = csvText(
      spec.columns.map((c) => c.name),
      tableRows(spec, records),
    );
    yield [path, text];
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
      bytes: Buffer.byteLength(text),
      hash: `sha256:${sha256(text)}`,
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
  yield ["datapackage.json", prettyJson(datapackage)];
}

/** schemas/: the public schemas. */
export function schemaFiles(publicSchemas: Map<string, JsonSchema>): Map<string, string> {
  return new Map([...publicSchemas].map(([file, schema]) => [`schemas/${file}`, prettyJson(schema)]));
}
