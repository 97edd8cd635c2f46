/**
 * Writes the three interoperability exports into a release: `ftm/entities.ftm.json` (FollowTheMoney),
 * `popolo/popolo.json` (Popolo) and `events/events.csv` + `.ndjson` (event rows with CAMEO and PLOVER).
 */
import type { PublishedRecords } from "../publish/records.ts";
import type { OutputDir } from "../publish/output-file.ts";
import type { ExtraTable } from "../publish/outputs.ts";
import { cell, csvText } from "../publish/csv/cells.ts";
import { ftmEntities } from "./ftm.ts";
import { popolo } from "./popolo.ts";
import { EVENT_COLUMNS, eventRows } from "./events.ts";
import { jsonText } from "../json-text.ts";

export const INTEROP_FILES = { ftm: "ftm/entities.ftm.json", popolo: "popolo/popolo.json", eventsCsv: "events/events.csv", eventsNdjson: "events/events.ndjson" } as const;

const withoutEmpty = (row: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== ""));

export function writeInteropFiles(records: PublishedRecords, out: OutputDir): void {
  out.write(INTEROP_FILES.ftm, ftmEntities(records).map((e) => `${jsonText(e)}\n`));
  out.write(INTEROP_FILES.popolo, [`${jsonText(popolo(records), 2)}\n`]);
  const rows = eventRows(records);
  out.write(INTEROP_FILES.eventsCsv, [csvText(EVENT_COLUMNS.map((c) => c.name), rows.map((r) => EVENT_COLUMNS.map((c) => cell(r[c.name]))))]);
  out.write(INTEROP_FILES.eventsNdjson, rows.map((r) => `${jsonText(withoutEmpty(r))}\n`));
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
