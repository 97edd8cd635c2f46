/**
 * The CSV tables, written incrementally: records arrive a batch at a time, type after type in the order
 * of RECORD_TYPE_NAMES, and each table gets the rows of each batch appended. Every table's rows are
 * ordered by type, then record, then item, so the result is the same as writing each table whole.
 */
import { RECORD_TYPE_NAMES, type RecordType } from "../../record-types.ts";
import { csvRows, csvText } from "./cells.ts";
import { tableCells, TABLES } from "./tables.ts";
import type { FileHash } from "../manifest.ts";
import type { OutputDir, OutputFile } from "../output-file.ts";
import type { PublishedRecords } from "../records.ts";

export class CsvTablesWriter {
  private readonly files: OutputFile[];

  constructor(private readonly out: OutputDir) {
    this.files = TABLES.map((spec) => {
      const file = out.open(`csv/${spec.name}.csv`);
      file.write(
        csvText(
          spec.columns.map((c) => c.name),
          [],
        ),
      );
      return file;
    });
  }

  /** Appends the rows that these records (all of one type) give to each table. */
  add(type: RecordType, records: readonly unknown[]): void {
    const only = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, t === type ? records : []])) as unknown as PublishedRecords;
    TABLES.forEach((spec, i) => {
      const rows = spec.rows(only);
      if (rows.length > 0) this.files[i]!.write(csvRows(tableCells(spec, rows)));
    });
  }

  /** Closes every table; returns each one's hash and size, by path. */
  close(): Map<string, FileHash> {
    return new Map(this.files.map((file) => [file.rel, this.out.close(file)]));
  }

  /** Closes the tables without finishing them (the build failed; its folder is removed). */
  abandon(): void {
    for (const file of this.files) file.abandon();
  }
}
