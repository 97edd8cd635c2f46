/**
 * Writes the three interoperability exports into a release: `ftm/entities.ftm.json` (FollowTheMoney),
 * `popolo/popolo.json` (Popolo) and `events/events.csv` + `.ndjson` (event rows with CAMEO and PLOVER).
 */
import type { PublishedRecords } from "../publish/records.ts";
import type { OutputDir } from "../publish/output-file.ts";
import type { ExtraTable } from "../publish/outputs.ts";
import { cell, csvRows, csvText } from "../publish/csv/cells.ts";
import { ftmEntities } from "./ftm.ts";
import { popolo } from "./popolo.ts";
import { EVENT_COLUMNS, eventRows } from "./events.ts";
import { jsonText } from "../json-text.ts";

export const INTEROP_FILES = { ftm: "ftm/entities.ftm.json", popolo: "popolo/popolo.json", eventsCsv: "events/events.csv", eventsNdjson: "events/events.ndjson" } as const;

const withoutEmpty = (row: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== ""));

/** Each item as its text, made as the file is written, so that no file's whole text is held at once. */
function* texts<T>(items: readonly T[], text: (item: T) => string): Generator<string> {
  for (const item of items) yield text(item);
}

/** A CSV table in pieces of a thousand rows (the pieces join to exactly the text of one `csvText`). */
function* csvPieces<T>(header: readonly string[], items: readonly T[], row: (item: T) => string[]): Generator<string> {
  yield csvText(header, []);
  for (let i = 0; i < items.length; i += 1000) yield csvRows(items.slice(i, i + 1000).map(row));
}

export function writeInteropFiles(records: PublishedRecords, out: OutputDir): void {
  out.write(INTEROP_FILES.ftm, texts(ftmEntities(records), (e) => `${jsonText(e)}\n`));
  out.write(INTEROP_FILES.popolo, [`${jsonText(popolo(records), 2)}\n`]);
  const rows = eventRows(records);
  out.write(INTEROP_FILES.eventsCsv, csvPieces(EVENT_COLUMNS.map((c) => c.name), rows, (r) => EVENT_COLUMNS.map((c) => cell(r[c.name]))));
  out.write(INTEROP_FILES.eventsNdjson, texts(rows, (r) => `${jsonText(withoutEmpty(r))}\n`));
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
