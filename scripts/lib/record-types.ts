/** The record types, the folder under `data/` that holds each, and the schema that describes it. */
export const RECORD_TYPES = {
  actor: { folder: "actors", schema: "actor.schema.json", plural: "actors" },
  sanction: { folder: "sanctions", schema: "sanction.schema.json", plural: "sanctions" },
  incident: { folder: "incidents", schema: "incident.schema.json", plural: "incidents" },
  meeting: { folder: "meetings", schema: "meeting.schema.json", plural: "meetings" },
  forum: { folder: "forums", schema: "forum.schema.json", plural: "forums" },
  tombstone: { folder: "tombstones", schema: "tombstone.schema.json", plural: "tombstones" },
} as const;

export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_NAMES = Object.keys(RECORD_TYPES) as RecordType[];

/** Folder name → record type, for picking the schema by folder. */
export const TYPE_BY_FOLDER: ReadonlyMap<string, RecordType> = new Map(
  RECORD_TYPE_NAMES.map((t) => [RECORD_TYPES[t].folder, t]),
);
