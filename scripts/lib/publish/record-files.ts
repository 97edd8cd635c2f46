/**
 * json/, ndjson/ and dataset.json, written record by record: the same bytes as `prettyJson(list)`,
 * one `jsonText(record)` line per record, and `prettyJson(dataset)`, without ever holding a whole
 * file's text (a test checks the bytes against those forms). The main thread writes them on a small
 * dataset, with the CSV tables (LocalRecordFiles); on a large one the release writer
 * (release-writer.ts) writes them all from the NDJSON lines.
 */
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import type { DatasetMetadata } from "../types.generated.ts";
import { indentedJsonText, jsonText } from "../json-text.ts";
import type { OutputDir, OutputFile } from "./output-file.ts";
import type { PublishedStreams } from "./records.ts";
import type { FileHash } from "./manifest.ts";
import { CsvBatches } from "./outputs.ts";

/** `text` with every line after the first indented by `indent`. */
const indentLines = (text: string, indent: string): string => text.replaceAll("\n", `\n${indent}`);

/** The files of one record type, open while its records are written. */
interface TypeFiles {
  type: RecordType;
  json: OutputFile;
  ndjson: OutputFile;
  count: number;
}

/**
 * Writes the three forms as records arrive, type after type in the order of RECORD_TYPE_NAMES (a type
 * with no records may be skipped: it is written empty). Call `close` once every record is added.
 */
export class RecordFilesWriter {
  private readonly dataset: OutputFile;
  private current: TypeFiles | undefined;
  /** The index in RECORD_TYPE_NAMES of the next type to open. */
  private next = 0;

  constructor(
    private readonly out: OutputDir,
    metadata: DatasetMetadata,
  ) {
    this.dataset = out.open("dataset.json");
    this.dataset.write(`{\n  "metadata": ${indentLines(jsonText(metadata, 2), "  ")}`);
  }

  /** Adds one record of `type`, given with its NDJSON line (`jsonText(record)` and a line feed). */
  add(type: RecordType, record: unknown, line: string): void {
    const files = this.reach(type);
    const pretty = indentedJsonText(record, 2, line);
    const separator = files.count === 0 ? "" : ",\n";
    if (files.count === 0) {
      files.json.write("[\n");
      this.dataset.write("[\n");
    }
    files.json.write(`${separator}  ${indentLines(pretty, "  ")}`);
    this.dataset.write(`${separator}    ${indentLines(pretty, "    ")}`);
    files.ndjson.write(line);
    files.count++;
  }

  /** Writes the types not yet written, ends dataset.json and closes every file. */
  close(): void {
    this.endCurrent();
    while (this.next < RECORD_TYPE_NAMES.length) {
      this.open(RECORD_TYPE_NAMES[this.next]!);
      this.endCurrent();
    }
    this.dataset.write("\n}\n");
    this.out.close(this.dataset);
  }

  /** Closes the files without finishing them (the build failed; its folder is removed). */
  abandon(): void {
    for (const file of [this.dataset, this.current?.json, this.current?.ndjson]) file?.abandon();
  }

  /** The files of `type`, opening it (and writing the types before it, empty) if it is not the current one. */
  private reach(type: RecordType): TypeFiles {
    while (this.current?.type !== type) {
      if (this.next >= RECORD_TYPE_NAMES.length) throw new Error(`internal error: records of type ${type} arrived out of order`);
      this.endCurrent();
      this.open(RECORD_TYPE_NAMES[this.next]!);
    }
    return this.current;
  }

  /** Opens the files of `type` (the next in order), which becomes the current type. */
  private open(type: RecordType): void {
    const { plural } = RECORD_TYPES[type];
    this.dataset.write(`,\n  ${JSON.stringify(plural)}: `);
    this.next++;
    this.current = { type, json: this.out.open(`json/${plural}.json`), ndjson: this.out.open(`ndjson/${plural}.ndjson`), count: 0 };
  }

  /** Ends the current type's files, if any. */
  private endCurrent(): void {
    const files = this.current;
    if (files) {
      if (files.count === 0) {
        files.json.write("[]");
        this.dataset.write("[]");
      } else {
        files.json.write("\n]");
        this.dataset.write("\n  ]");
      }
      files.json.write("\n");
      this.out.close(files.json);
      this.out.close(files.ndjson);
    }
    this.current = undefined;
  }
}

/**
 * What the release writer writes — json/, ndjson/, dataset.json and the CSV tables — written on this
 * thread instead (a small dataset, one core, or a writer that failed).
 */
export class LocalRecordFiles {
  private readonly files: RecordFilesWriter;
  private readonly tables: CsvBatches;

  constructor(out: OutputDir, metadata: DatasetMetadata) {
    this.files = new RecordFilesWriter(out, metadata);
    this.tables = new CsvBatches(out);
  }

  /** Adds one record of `type`, given with its NDJSON line (`jsonText(record)` and a line feed). */
  add(type: RecordType, record: unknown, line: string): void {
    this.files.add(type, record, line);
    this.tables.add(type, record);
  }

  /**
   * Writes the CSV rows of the records added so far, which otherwise wait for a batch of CSV_BATCH
   * records: the release writer calls it after each batch it is sent, so that no record it has parsed
   * lives long enough to be promoted to the old generation (with batches of 2,000 the writer's garbage
   * collection made the build 5–20 % slower).
   */
  flush(): void {
    this.tables.flush();
  }

  /** Finishes and closes every file; returns the CSV tables' hashes and sizes (`out` notes the others). */
  close(): Map<string, FileHash> {
    this.files.close();
    return this.tables.close();
  }

  /** Closes the files without finishing them (the build failed; its folder is removed). */
  abandon(): void {
    this.files.abandon();
    this.tables.abandon();
  }
}

/** Every record's files, written here in one pass; returns the CSV tables' hashes and sizes (`out` notes the others). */
export function writeRecordFiles(records: PublishedStreams, metadata: DatasetMetadata, out: OutputDir): Map<string, FileHash> {
  const local = new LocalRecordFiles(out, metadata);
  try {
    for (const type of RECORD_TYPE_NAMES) for (const record of records[type] as Iterable<unknown>) local.add(type, record, `${jsonText(record)}\n`);
    return local.close();
  } catch (error) {
    local.abandon();
    throw error;
  }
}
