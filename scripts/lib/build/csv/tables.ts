/**
 * The CSV tables: one per record type with its single-valued fields, and link tables for the lists
 * inside records (meeting participants and status changes, sanction targets and measures, positions
 * held, forum editions, sources). Each column names the public-schema field it comes from, so that its
 * type, allowed values and description in datapackage.json are read from the schema, not restated.
 */
import { followRefs, type JsonSchema } from "../../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../../record-types.ts";
import { isPlainObject } from "../json.ts";
import type { PublishedRecords } from "../records.ts";
import { cell, FORMULA_NOTE, mayLookLikeFormula } from "./cells.ts";

type Obj = Record<string, unknown>;

/** What one CSV row is made from: a record, or one item of a list inside it. */
export interface Row {
  record: Obj;
  item?: Obj;
  index?: number;
  type: RecordType;
}

interface Column {
  name: string;
  get(row: Row): unknown;
  /** Public schema file and field path (list items stepped through) that describe the column. */
  schema?: { type: RecordType; path: string[] };
  /** Frictionless field properties that override or complete those read from the schema. */
  field?: Partial<FrictionlessField>;
}

export interface TableSpec {
  name: string;
  title: string;
  description: string;
  rows(records: PublishedRecords): Row[];
  columns: Column[];
  primaryKey: string[];
  unique?: string[];
}

export interface FrictionlessField {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "array";
  format?: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; minimum?: number };
}

const get = (value: unknown, path: readonly string[]): unknown => {
  let v = value;
  for (const seg of path) v = isPlainObject(v) ? v[seg] : undefined;
  return v;
};

/** A column read from the record itself; the name is the path joined by `_`. */
const field = (type: RecordType, path: string[], name = path.join("_"), extra?: Partial<FrictionlessField>): Column => ({ name, get: (r) => get(r.record, path), schema: { type, path }, ...(extra ? { field: extra } : {}) });
/** A column read from the list item of a link table. */
const itemField = (type: RecordType, list: string, path: string[], name = path.join("_"), extra?: Partial<FrictionlessField>): Column => ({ name, get: (r) => get(r.item, path), schema: { type, path: [list, ...path] }, ...(extra ? { field: extra } : {}) });
const parentId = (type: RecordType): Column => ({
  name: `${type}_id`,
  get: (r) => r.record.id,
  schema: { type, path: ["id"] },
  field: { description: `The id of the ${type} (\`${RECORD_TYPES[type].plural}.id\`); the rows of one ${type} together make its list.`, constraints: { required: true } },
});
const itemIndex = (list: string): Column => ({
  name: "item_index",
  get: (r) => r.index,
  field: { type: "integer", description: `The item's place in the record's \`${list}\` list, counting from 0 as field paths in claims, notes and \`unverified\` do.`, constraints: { required: true, minimum: 0 } },
});

const records = (type: RecordType) => (all: PublishedRecords): Row[] => (all[type] as unknown as Obj[]).map((record) => ({ record, type }));
const items = (type: RecordType, list: string) => (all: PublishedRecords): Row[] =>
  (all[type] as unknown as Obj[]).flatMap((record) => ((record[list] as Obj[] | undefined) ?? []).map((item, index) => ({ record, item, index, type })));

export const TABLES: TableSpec[] = [
  {
    name: "actors",
    title: "Actors",
    description: "One row per actor: people, states, bodies, organisations and media. Lists of ids and names are JSON arrays.",
    rows: records("actor"),
    primaryKey: ["id"],
    columns: [
      ...["id", "kind", "name", "country", "citizenship", "born", "birth_place", "parent", "founded", "dissolved", "aliases", "predecessors", "successors", "summary", "meeting_ids", "sanction_ids"].map((f) => field("actor", [f])),
    ],
  },
  {
    name: "sanctions",
    title: "Sanctions",
    description: "One row per sanctions action. Targets and measures are in sanction_targets.csv and sanction_measures.csv.",
    rows: records("sanction"),
    primaryKey: ["id"],
    columns: ["id", "title", "imposed_by", "on_behalf_of", "implemented_by", "announced", "listed", "effective", "ended", "status", "status_as_of", "reason", "objective", "responses"].map((f) => field("sanction", [f])),
  },
  {
    name: "incidents",
    title: "Incidents",
    description: "One row per incident: an act (an arms sale, a visit, an exercise…) that a party cited as the cause of a refusal, postponement or cancellation. The actors involved are in incident_actors.csv; `meeting_ids` lists the meetings whose status changes cite it.",
    rows: records("incident"),
    primaryKey: ["id"],
    columns: [
      ...["id", "kind", "title", "date", "end"].map((f) => field("incident", [f])),
      field("incident", ["location", "venue"]),
      field("incident", ["location", "city"]),
      field("incident", ["location", "country"]),
      ...["summary", "meeting_ids"].map((f) => field("incident", [f])),
    ],
  },
  {
    name: "meetings",
    title: "Meetings",
    description: "One row per meeting, call, visit, talks round or brief encounter, held or not. Participants and status changes are in meeting_participants.csv and meeting_status_changes.csv.",
    rows: records("meeting"),
    primaryKey: ["id"],
    columns: [
      ...["id", "title", "kind", "status", "date", "end", "duration_minutes"].map((f) => field("meeting", [f])),
      field("meeting", ["location", "venue"]),
      field("meeting", ["location", "city"]),
      field("meeting", ["location", "country"]),
      ...["virtual", "sidelines_of", "topics", "summary", "cameo", "participant_sanctioned"].map((f) => field("meeting", [f])),
    ],
  },
  {
    name: "forums",
    title: "Forums",
    description: "One row per forum. Editions are in forum_editions.csv.",
    rows: records("forum"),
    primaryKey: ["id"],
    columns: [
      ...["id", "name", "aliases", "organisers", "track", "first_held", "frequency"].map((f) => field("forum", [f])),
      field("forum", ["venue", "venue"]),
      field("forum", ["venue", "city"]),
      field("forum", ["venue", "country"]),
      field("forum", ["summary"]),
    ],
  },
  {
    name: "tombstones",
    title: "Tombstones",
    description: "Retired ids and the ids that replace them.",
    rows: records("tombstone"),
    primaryKey: ["id"],
    columns: ["id", "type", "change", "to", "date", "reason"].map((f) => field("tombstone", [f])),
  },
  {
    name: "meeting_participants",
    title: "Meeting participants",
    description: "Who took part, or was to take part, in each meeting: one row per participant.",
    rows: items("meeting", "participants"),
    primaryKey: ["meeting_id", "item_index"],
    columns: [parentId("meeting"), itemIndex("participants"), itemField("meeting", "participants", ["actor"], "actor_id"), itemField("meeting", "participants", ["role"]), itemField("meeting", "participants", ["on_behalf_of"])],
  },
  {
    name: "meeting_status_changes",
    title: "Meeting status changes",
    description: "How each meeting came to its status, oldest first, with the derived CAMEO event code of each step.",
    rows: items("meeting", "status_history"),
    primaryKey: ["meeting_id", "item_index"],
    columns: [
      parentId("meeting"),
      itemIndex("status_history"),
      ...["status", "date", "by", "channel", "reason", "sanction", "incidents", "source", "attribution", "note", "cameo"].map((f) => itemField("meeting", "status_history", [f])),
    ],
  },
  {
    name: "incident_actors",
    title: "Incident actors",
    description: "Who was involved in each incident, and how: one row per actor.",
    rows: items("incident", "actors"),
    primaryKey: ["incident_id", "item_index"],
    columns: [parentId("incident"), itemIndex("actors"), itemField("incident", "actors", ["actor"], "actor_id"), itemField("incident", "actors", ["role"])],
  },
  {
    name: "sanction_targets",
    title: "Sanction targets",
    description: "Who each sanction targets: one row per target.",
    rows: items("sanction", "targets"),
    primaryKey: ["sanction_id", "item_index"],
    columns: [parentId("sanction"), itemIndex("targets"), itemField("sanction", "targets", ["actor"], "actor_id"), itemField("sanction", "targets", ["role"]), itemField("sanction", "targets", ["note"])],
  },
  {
    name: "sanction_measures",
    title: "Sanction measures",
    description: "What each sanction does: one row per measure. `targets` is a JSON array of actor ids, empty when the measure applies to every target of the sanction.",
    rows: items("sanction", "measures"),
    primaryKey: ["sanction_id", "item_index"],
    columns: [
      parentId("sanction"),
      itemIndex("measures"),
      itemField("sanction", "measures", ["type"]),
      { ...itemField("sanction", "measures", ["targets"]), get: (r) => (r.item?.targets as unknown[] | undefined) ?? [] },
      itemField("sanction", "measures", ["legal_ref"]),
      itemField("sanction", "measures", ["description"]),
    ],
  },
  {
    name: "actor_positions",
    title: "Positions held",
    description: "Posts people held over time, oldest first for each person: one row per post.",
    rows: items("actor", "positions"),
    primaryKey: ["actor_id", "item_index"],
    columns: [parentId("actor"), itemIndex("positions"), ...["title", "organisation", "on_behalf_of", "start", "end", "end_reason", "appointed_by", "note"].map((f) => itemField("actor", "positions", [f]))],
  },
  {
    name: "forum_editions",
    title: "Forum editions",
    description: "The editions of each forum, oldest first. Edition ids are unique across the dataset and are what meetings.sidelines_of names.",
    rows: items("forum", "editions"),
    primaryKey: ["forum_id", "item_index"],
    unique: ["id"],
    columns: [
      parentId("forum"),
      itemIndex("editions"),
      ...["id", "number", "name", "status", "start", "end"].map((f) => itemField("forum", "editions", [f])),
      itemField("forum", "editions", ["venue", "venue"]),
      itemField("forum", "editions", ["venue", "city"]),
      itemField("forum", "editions", ["venue", "country"]),
      itemField("forum", "editions", ["note"]),
    ],
  },
  {
    name: "forum_edition_delegations",
    title: "Forum edition delegations",
    description: "Who led each state's delegation at each forum edition: one row per state and edition. `level` is `minister` when the defence minister came, `lower-level` when someone else led the delegation, `absent` when the state stayed away, `unknown` when the sources do not say.",
    rows: (all) =>
      (all.forum as unknown as Obj[]).flatMap((forum) => ((forum.editions as Obj[] | undefined) ?? []).flatMap((edition) => ((edition.delegations as Obj[] | undefined) ?? []).map((item, index) => ({ record: edition, item, index, type: "forum" as const })))),
    primaryKey: ["edition_id", "item_index"],
    columns: [
      {
        name: "edition_id",
        get: (r) => r.record.id,
        schema: { type: "forum", path: ["editions", "id"] },
        field: { description: "The id of the forum edition (`forum_editions.id`); the rows of one edition together make its list.", constraints: { required: true } },
      },
      itemIndex("delegations"),
      // The items are delegations inside editions: read from the item, described at editions/delegations.
      ...["state", "level", "head", "head_title", "source", "note"].map((f): Column => ({ ...itemField("forum", "editions", ["delegations", f], f), get: (r) => get(r.item, [f]) })),
    ],
  },
  {
    name: "sources",
    title: "Sources",
    description: "The documents every record cites: one row per source of each record (forum editions' own sources are in the JSON only).",
    rows: (all) =>
      (["actor", "sanction", "incident", "meeting", "forum", "tombstone"] as const).flatMap((type) =>
        (all[type] as unknown as Obj[]).flatMap((record) => ((record.sources as Obj[] | undefined) ?? []).map((item, index) => ({ record, item, index, type }))),
      ),
    primaryKey: ["record_type", "record_id", "item_index"],
    columns: [
      { name: "record_type", get: (r) => r.type, field: { type: "string", description: "The type of the record that cites the source.", constraints: { required: true, enum: ["actor", "sanction", "incident", "meeting", "forum"] } } },
      { name: "record_id", get: (r) => r.record.id, field: { type: "string", description: "The id of the record that cites the source.", constraints: { required: true } } },
      itemIndex("sources"),
      ...["key", "url", "title", "publisher", "published", "quote", "attribution", "basis", "language"].map((f) => itemField("actor", "sources", [f])),
    ],
  },
];

/** Follows `$ref`s and list items from a record schema down a field path; the outermost description wins. */
function schemaAt(schemas: Map<string, JsonSchema>, type: RecordType, path: readonly string[]): { node: JsonSchema; description: string; required: boolean } {
  let file: string = RECORD_TYPES[type].schema;
  let node: JsonSchema = schemas.get(file)!;
  let description = "";
  let required = true;
  const deref = (): void => {
    const found = followRefs(node, file, schemas, (referring) => {
      if (!description && typeof referring.description === "string") description = referring.description;
    });
    if (found.unresolved) throw new Error(`unresolvable $ref ${found.unresolved} in ${found.file}`);
    ({ schema: node, file } = found);
  };
  for (const seg of path) {
    deref();
    if (node.type === "array" && isPlainObject(node.items)) {
      node = node.items;
      deref();
    }
    required &&= Array.isArray(node.required) && (node.required as string[]).includes(seg);
    const props = node.properties as Record<string, JsonSchema> | undefined;
    if (!props?.[seg]) throw new Error(`no field ${path.join("/")} in the public ${type} schema`);
    node = props[seg];
    description = "";
    if (typeof node.description === "string") description = node.description;
  }
  deref();
  return { node, description, required };
}

/** The Frictionless Table Schema field of a column. */
export function frictionlessField(schemas: Map<string, JsonSchema>, column: Column): FrictionlessField {
  const out: FrictionlessField = { name: column.name, type: "string", description: "" };
  if (column.schema) {
    const { node, description, required } = schemaAt(schemas, column.schema.type, column.schema.path);
    const types = ([] as unknown[]).concat(node.type ?? []);
    const enumValues = node.enum as unknown[] | undefined;
    out.type = types.includes("array") ? "array" : types.includes("integer") ? "integer" : types.includes("number") || enumValues?.every((v) => typeof v === "number") ? "number" : types.includes("boolean") ? "boolean" : "string";
    out.description = description;
    if (node.format === "uri") out.format = "uri";
    const constraints: NonNullable<FrictionlessField["constraints"]> = {};
    if (required) constraints.required = true;
    if (enumValues) constraints.enum = enumValues;
    if (Object.keys(constraints).length > 0) out.constraints = constraints;
    if (out.type === "array") out.description = `${out.description} A JSON array.`.trim();
    if (out.type === "string" && !enumValues && mayLookLikeFormula(node.pattern as string | undefined)) out.description = `${out.description} ${FORMULA_NOTE}`.trim();
  }
  if (column.field) {
    const { constraints, ...rest } = column.field;
    Object.assign(out, rest);
    if (constraints) out.constraints = { ...out.constraints, ...constraints };
  }
  return out;
}

/** The rows of a table as cell text, in record order (records are sorted by id; list items keep their order). */
/** The cells of some rows of a table, as CSV text. */
export function tableCells(spec: TableSpec, rows: readonly Row[]): string[][] {
  return rows.map((row) => spec.columns.map((c) => cell(c.get(row))));
}
