/**
 * Writes the three interoperability exports into a release: `ftm/entities.ftm.json` (FollowTheMoney),
 * `popolo/popolo.json` (Popolo) and `events/events.csv` + `.ndjson` (event rows with CAMEO and PLOVER).
 */
import path from "node:path";
import type { PublishedRecords } from "../publish/records.ts";
import type { OutputDir } from "../publish/output-file.ts";
import type { ExtraTable } from "../publish/outputs.ts";
import { cell, csvRows, csvText } from "../publish/csv/cells.ts";
import { FtmMaker } from "./ftm.ts";
import { SortedLines } from "./sorted-lines.ts";
import { PopoloFile } from "./popolo-file.ts";
import { EVENT_COLUMNS, meetingEventRows } from "./events.ts";
import type { OutputFile } from "../publish/output-file.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../record-types.ts";
import { jsonText } from "../json-text.ts";

/** The FtM lines, unsorted, while the records pass (in the release's temporary folder; removed before it is complete). */
const FTM_SCRATCH = ".ftm-entities.unsorted";

export const INTEROP_FILES = { ftm: "ftm/entities.ftm.json", popolo: "popolo/popolo.json", eventsCsv: "events/events.csv", eventsNdjson: "events/events.ndjson" } as const;

const withoutEmpty = (row: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== ""));

/**
 * Writes the exports as the records pass, actors first: the event rows straight into their files, the
 * FtM entities as their lines into a scratch file (the export lists them by id, which the order of the
 * records does not give: they are copied into it in that order at the end) and the Popolo document's
 * items into scratch files of its sections (popolo-file.ts), copied into the document at the end.
 */
export class InteropWriter {
  private readonly ftm = new FtmMaker();
  private readonly ftmLines: SortedLines;
  private readonly popolo: PopoloFile;
  private readonly eventsCsv: OutputFile;
  private readonly eventsNdjson: OutputFile;

  constructor(private readonly out: OutputDir) {
    this.eventsCsv = out.open(INTEROP_FILES.eventsCsv);
    this.eventsNdjson = out.open(INTEROP_FILES.eventsNdjson);
    this.ftmLines = new SortedLines(path.join(out.dir, FTM_SCRATCH));
    this.popolo = new PopoloFile(out.dir);
    this.eventsCsv.write(csvText(EVENT_COLUMNS.map((c) => c.name), []));
  }

  add(type: RecordType, record: unknown): void {
    for (const e of this.ftm.record(type, record)) this.ftmLines.add(e.id, `${jsonText(e)}\n`);
    if (type === "actor") this.popolo.actor(record as PublishedRecords["actor"][number]);
    if (type === "meeting") {
      const rows = meetingEventRows(record as PublishedRecords["meeting"][number], this.ftm.actors);
      if (rows.length === 0) return;
      this.eventsCsv.write(csvRows(rows.map((r) => EVENT_COLUMNS.map((c) => cell(r[c.name])))));
      for (const r of rows) this.eventsNdjson.write(`${jsonText(withoutEmpty(r))}\n`);
    }
  }

  /** Closes the files without finishing them, and removes the scratch file (the build failed). */
  abandon(): void {
    this.eventsCsv.abandon();
    this.eventsNdjson.abandon();
    this.ftmLines.abandon();
    this.popolo.abandon();
  }

  /** Writes what is left and closes every file. */
  close(): void {
    this.out.close(this.eventsCsv);
    this.out.close(this.eventsNdjson);
    for (const e of this.ftm.positionEntities()) this.ftmLines.add(e.id, `${jsonText(e)}\n`);
    const ftm = this.out.open(INTEROP_FILES.ftm);
    try {
      this.ftmLines.writeTo(ftm);
    } finally {
      this.out.close(ftm);
    }
    const popolo = this.out.open(INTEROP_FILES.popolo);
    try {
      this.popolo.writeTo(popolo);
    } finally {
      this.out.close(popolo);
    }
  }
}

export function writeInteropFiles(records: PublishedRecords, out: OutputDir): void {
  const writer = new InteropWriter(out);
  for (const type of RECORD_TYPE_NAMES) for (const r of records[type] as readonly unknown[]) writer.add(type, r);
  writer.close();
}

/** The event rows as a table of the data package: typed columns, a primary key and foreign keys. */
export function eventsTable(): ExtraTable {
  return {
    name: "events",
    path: INTEROP_FILES.eventsCsv,
    title: "Event rows (CAMEO / PLOVER)",
    description: "One row per meeting status change (and one for a dated meeting recorded without a history), coded as event data: source and target actors and states, the CAMEO code and its PLOVER event type, mode and context. The same rows are in events/events.ndjson.",
    schema: {
      fields: EVENT_COLUMNS.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.required ? { constraints: { required: true } } : {}) })),
      missingValues: [""],
      primaryKey: ["event_id"],
      foreignKeys: [
        { fields: "meeting_id", reference: { resource: "meetings", fields: "id" } },
        { fields: "sanction", reference: { resource: "sanctions", fields: "id" } },
      ],
    },
  };
}
