/**
 * The CSV tables: one per record type with its single-valued fields, and link tables for the lists
 * inside records (meeting participants and status changes, sanction targets and measures, positions
 * held, forum editions, sources). Each column names the public-schema field it comes from, so that its
 * type, allowed values and description in datapackage.json are read from the schema, not restated.
 */
import { followRefs, type JsonSchema } from "../../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../../record-types.ts";
import { isPlainObject } from "../json.ts";
import type { PublishedRecords } from "../records.ts";
import { cell, FORMULA_NOTE, mayLookLikeFormula } from "./cells.ts";
import { DATE_PART_DESCRIPTIONS, dateDerived } from "./date-columns.ts";
import { withArticle } from "../../words.ts";

type Obj = Record<string, unknown>;

/** What one CSV row is made from: a record, or one item of a list inside it (inside an item of another list, for nested lists). */
export interface Row {
  record: Obj;
  item?: Obj;
  index?: number;
  /** For a list inside a list item (a forum edition's sources): that outer item and its place. */
  parent?: { item: Obj; index: number };
  type: RecordType;
}

export interface Column {
  name: string;
  get(row: Row): unknown;
  /**
   * Public schema file and field path (list items stepped through) that describe the column. `items`:
   * the column holds one item of the list at the path (a row per item), not the whole list.
   */
  schema?: { type: RecordType; path: string[]; items?: true };
  /** Frictionless field properties that override or complete those read from the schema. */
  field?: Partial<FrictionlessField>;
  /** The table and column this column's values are ids of (a foreign key), when not read from the schema's `x-refers-to`. */
  references?: { table: string; column: string };
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
  type: "string" | "integer" | "number" | "boolean" | "array" | "date";
  format?: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; minimum?: number; pattern?: string };
}

const get = (value: unknown, path: readonly string[]): unknown => {
  let v = value;
  for (const seg of path) v = isPlainObject(v) ? v[seg] : undefined;
  return v;
};

/** The table of each record type (foreign keys point at its `id`), and of forum editions, which have ids of their own. */
export const ID_TABLES: Record<RecordType | "edition", string> = { actor: "actors", sanction: "sanctions", incident: "incidents", meeting: "meetings", forum: "forums", tombstone: "tombstones", edition: "forum_editions" };

/** A column read from the record itself; the name is the path joined by `_`. */
const field = (type: RecordType, path: string[], name = path.join("_"), extra?: Partial<FrictionlessField>): Column => ({ name, get: (r) => get(r.record, path), schema: { type, path }, ...(extra ? { field: extra } : {}) });
/** A column read from the list item of a link table. */
const itemField = (type: RecordType, list: string, path: string[], name = path.join("_"), extra?: Partial<FrictionlessField>): Column => ({ name, get: (r) => get(r.item, path), schema: { type, path: [list, ...path] }, ...(extra ? { field: extra } : {}) });
const parentId = (type: RecordType): Column => ({
  name: `${type}_id`,
  get: (r) => r.record.id,
  schema: { type, path: ["id"] },
  references: { table: ID_TABLES[type], column: "id" },
  field: { description: `The id of the ${type} (\`${RECORD_TYPES[type].plural}.id\`); the rows of one ${type} together make its list.`, constraints: { required: true } },
});
const itemIndex = (list: string): Column => ({
  name: "item_index",
  get: (r) => r.index,
  field: { type: "integer", description: `The item's place in the record's \`${list}\` list, counting from 0 as field paths in claims, notes and \`unverified\` do.`, constraints: { required: true, minimum: 0 } },
});

/**
 * A partial-date column followed by its derived columns (see date-columns.ts): `<name>_from` and
 * `<name>_to` typed `date`, and `<name>_edtf`.
 */
const withDateParts = (column: Column): Column[] => [
  column,
  ...(["from", "to", "edtf"] as const).map(
    (part): Column => ({
      name: `${column.name}_${part}`,
      get: (r) => dateDerived(column.get(r), part),
      field: { type: part === "edtf" ? "string" : "date", description: DATE_PART_DESCRIPTIONS[part] },
    }),
  ),
];

/** Whether a public-schema field is a partial date (the shared `date` definition). */
const isPartialDate = (node: JsonSchema): boolean => node.title === "Partial date";

const records = (type: RecordType) => (all: PublishedRecords): Row[] => (all[type] as unknown as Obj[]).map((record) => ({ record, type }));
const items = (type: RecordType, list: string) => (all: PublishedRecords): Row[] =>
  (all[type] as unknown as Obj[]).flatMap((record) => ((record[list] as Obj[] | undefined) ?? []).map((item, index) => ({ record, item, index, type })));

/** The columns of a table of one record type's list: the record's id, the item's place, then the item's fields. */
const listTable = (type: RecordType, list: string, name: string, title: string, description: string, columns: Column[]): TableSpec => ({
  name,
  title,
  description,
  rows: items(type, list),
  primaryKey: [`${type}_id`, "item_index"],
  columns: [parentId(type), itemIndex(list), ...columns],
});

/**
 * A table of a list that several record types have (sources, claims, notes…): one row per item, keyed
 * by the record's type, id and the item's place. One id column per record type (`actor_id`,
 * `meeting_id`…) is filled for the row's record, so that each can be a foreign key.
 */
const sharedListTable = (list: string, types: readonly RecordType[], name: string, title: string, description: string, columns: (type: RecordType) => Column[], scalarItems = false): TableSpec => ({
  name,
  title,
  description,
  rows: (all) =>
    types.flatMap((type) =>
      (all[type] as unknown as Obj[]).flatMap((record) => ((record[list] as unknown[] | undefined) ?? []).map((item, index) => ({ record, item: (scalarItems ? { value: item } : item) as Obj, index, type }))),
    ),
  primaryKey: ["record_type", "record_id", "item_index"],
  columns: [
    { name: "record_type", get: (r) => r.type, field: { type: "string", description: `The type of the record whose \`${list}\` list holds the item.`, constraints: { required: true, enum: [...types] } } },
    { name: "record_id", get: (r) => r.record.id, field: { type: "string", description: "The id of that record.", constraints: { required: true } } },
    ...types.map((type): Column => ({ name: `${type}_id`, get: (r) => (r.type === type ? r.record.id : undefined), references: { table: ID_TABLES[type], column: "id" }, field: { type: "string", description: `The record's id when it is ${withArticle(type)}; empty otherwise.` } })),
    itemIndex(list),
    ...columns(types[0]!),
  ],
});

/** A table of a list inside forum editions: keyed by the forum, the edition's place and the item's place, with the edition's id. */
const editionListTable = (list: string, name: string, title: string, description: string, columns: Column[]): TableSpec => ({
  name,
  title,
  description,
  rows: (all) =>
    (all.forum as unknown as Obj[]).flatMap((record) =>
      ((record.editions as Obj[] | undefined) ?? []).flatMap((edition, e) => ((edition[list] as Obj[] | undefined) ?? []).map((item, index) => ({ record, item, index, parent: { item: edition, index: e }, type: "forum" as const }))),
    ),
  primaryKey: ["forum_id", "edition_index", "item_index"],
  columns: [
    parentId("forum"),
    { name: "edition_index", get: (r) => r.parent?.index, field: { type: "integer", description: "The edition's place in the forum's `editions` list, counting from 0 (`forum_editions.item_index`).", constraints: { required: true, minimum: 0 } } },
    { name: "edition_id", get: (r) => r.parent?.item.id, references: { table: "forum_editions", column: "id" }, field: { type: "string", description: "The edition's id (`forum_editions.id`).", constraints: { required: true } } },
    itemIndex(list),
    ...columns,
  ],
});

const SOURCE_FIELDS = ["key", "url", "title", "publisher", "published", "quote", "attribution", "basis", "language"];
const sourceColumns = (type: RecordType, list: string[]): Column[] =>
  SOURCE_FIELDS.flatMap((f) => {
    const c: Column = { name: f, get: (r) => get(r.item, [f]), schema: { type, path: [...list, f] } };
    return f === "published" ? withDateParts(c) : [c];
  });
/**
 * Columns for fields of a list's items: `"actor>actor_id"` renames, `"venue/city"` reads a nested field
 * (named `venue_city`), and the partial dates in `dates` get their derived columns.
 */
const itemColumns = (type: RecordType, list: string, fields: string[], dates: readonly string[] = []): Column[] =>
  fields.flatMap((spec) => {
    const [from, name] = spec.split(">") as [string, string | undefined];
    const column = itemField(type, list, from.split("/"), name);
    return dates.includes(from) ? withDateParts(column) : [column];
  });
const RECORD_TYPES_WITH = (list: string): RecordType[] => RECORD_TYPE_NAMES.filter((t) => list in (RECORD_LISTS[t] ?? {}));
/** The lists every record type but tombstones has (native names: actors and forums only). */
const RECORD_LISTS: Partial<Record<RecordType, Record<string, true>>> = {
  actor: { sources: true, claims: true, notes: true, unverified: true, identifiers: true, native_names: true },
  sanction: { sources: true, claims: true, notes: true, unverified: true, identifiers: true },
  incident: { sources: true, claims: true, notes: true, unverified: true, identifiers: true },
  meeting: { sources: true, claims: true, notes: true, unverified: true, identifiers: true },
  forum: { sources: true, claims: true, notes: true, unverified: true, identifiers: true, native_names: true },
};

export const TABLES: TableSpec[] = [
  {
    name: "actors",
    title: "Actors",
    description: "One row per actor: people, states, bodies, organisations and media. Lists of ids and names are JSON arrays.",
    rows: records("actor"),
    primaryKey: ["id"],
    columns: ["id", "kind", "name", "country", "citizenship", "born", "birth_place", "parent", "founded", "dissolved", "aliases", "predecessors", "successors", "summary", "meeting_ids", "sanction_ids"].flatMap((f) =>
      ["born", "founded", "dissolved"].includes(f) ? withDateParts(field("actor", [f])) : [field("actor", [f])],
    ),
  },
  {
    name: "sanctions",
    title: "Sanctions",
    description: "One row per sanctions action. Targets, measures, legal basis, lists and transactions are in their own tables (sanction_*.csv).",
    rows: records("sanction"),
    primaryKey: ["id"],
    columns: ["id", "title", "kind", "imposed_by", "on_behalf_of", "implemented_by", "announced", "listed", "effective", "ended", "status", "status_as_of", "reason", "objective", "responses"].flatMap((f) =>
      ["announced", "listed", "effective", "ended", "status_as_of"].includes(f) ? withDateParts(field("sanction", [f])) : [field("sanction", [f])],
    ),
  },
  {
    name: "incidents",
    title: "Incidents",
    description: "One row per incident: an act (an arms sale, a visit, an exercise…) that a party cited as the cause of a refusal, postponement or cancellation. The actors involved are in incident_actors.csv; `meeting_ids` lists the meetings whose status changes cite it.",
    rows: records("incident"),
    primaryKey: ["id"],
    columns: [
      ...["id", "kind", "title"].map((f) => field("incident", [f])),
      ...withDateParts(field("incident", ["date"])),
      ...withDateParts(field("incident", ["end"])),
      field("incident", ["location", "venue"]),
      field("incident", ["location", "city"]),
      field("incident", ["location", "country"]),
      ...["summary", "meeting_ids"].map((f) => field("incident", [f])),
    ],
  },
  {
    name: "meetings",
    title: "Meetings",
    description: "One row per meeting, call, visit, talks round or brief encounter, held or not. Participants, status changes and readouts are in their own tables (meeting_*.csv); `sanctioned_participants` is a JSON array of at most one id per participant.",
    rows: records("meeting"),
    primaryKey: ["id"],
    columns: [
      field("meeting", ["id"]),
      field("meeting", ["title"]),
      field("meeting", ["kind"]),
      field("meeting", ["status"]),
      ...withDateParts(field("meeting", ["date"])),
      ...withDateParts(field("meeting", ["end"])),
      field("meeting", ["duration_minutes"]),
      field("meeting", ["location", "venue"]),
      field("meeting", ["location", "city"]),
      field("meeting", ["location", "country"]),
      ...["virtual", "sidelines_of", "topics", "summary", "cameo", "participant_sanctioned", "sanctioned_participants"].map((f) => field("meeting", [f])),
    ],
  },
  {
    name: "forums",
    title: "Forums",
    description: "One row per forum. Editions are in forum_editions.csv.",
    rows: records("forum"),
    primaryKey: ["id"],
    columns: [
      ...["id", "name", "aliases", "organisers", "track"].map((f) => field("forum", [f])),
      ...withDateParts(field("forum", ["first_held"])),
      field("forum", ["frequency"]),
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
    columns: [...["id", "type", "change", "to"].map((f) => field("tombstone", [f])), ...withDateParts(field("tombstone", ["date"])), field("tombstone", ["reason"])],
  },
  listTable("meeting", "participants", "meeting_participants", "Meeting participants", "Who took part, or was to take part, in each meeting: one row per participant.", itemColumns("meeting", "participants", ["actor>actor_id", "role", "on_behalf_of"])),
  listTable(
    "meeting",
    "status_history",
    "meeting_status_changes",
    "Meeting status changes",
    "How each meeting came to its status, oldest first, with the derived CAMEO event code of each step.",
    itemColumns("meeting", "status_history", ["status", "date", "by", "channel", "reason", "sanction", "incidents", "source", "attribution", "note", "cameo"], ["date"]),
  ),
  listTable(
    "meeting",
    "readouts",
    "meeting_readouts",
    "Meeting readouts",
    "The official accounts each side published of a meeting: one row per readout.",
    itemColumns("meeting", "readouts", ["by", "url", "date", "summary", "quote"], ["date"]),
  ),
  listTable("incident", "actors", "incident_actors", "Incident actors", "Who was involved in each incident, and how: one row per actor.", itemColumns("incident", "actors", ["actor>actor_id", "role"])),
  listTable("sanction", "targets", "sanction_targets", "Sanction targets", "Who each sanction targets: one row per target.", itemColumns("sanction", "targets", ["actor>actor_id", "role", "note"])),
  listTable("sanction", "measures", "sanction_measures", "Sanction measures", "What each sanction does: one row per measure. `targets` is a JSON array of actor ids, empty when the measure applies to every target of the sanction.", [
    itemField("sanction", "measures", ["type"]),
    { ...itemField("sanction", "measures", ["targets"]), get: (r) => (r.item?.targets as unknown[] | undefined) ?? [] },
    itemField("sanction", "measures", ["legal_ref"]),
    itemField("sanction", "measures", ["description"]),
  ]),
  listTable(
    "sanction",
    "legal_basis",
    "sanction_legal_basis",
    "Sanction legal basis",
    "The laws, orders and notices each sanction rests on: one row per instrument.",
    itemColumns("sanction", "legal_basis", ["instrument", "citation", "title", "date"], ["date"]),
  ),
  listTable(
    "sanction",
    "lists",
    "sanction_lists",
    "Sanction lists",
    "The published lists each sanction put its targets on: one row per listing. `targets` is a JSON array of actor ids.",
    itemColumns("sanction", "lists", ["list", "name", "targets", "date"], ["date"]),
  ),
  listTable(
    "sanction",
    "transactions",
    "sanction_transactions",
    "Sanctioned transactions",
    "The transactions or deliveries a sanction responds to: one row per transaction.",
    itemColumns("sanction", "transactions", ["counterparty", "item", "quantity", "date"], ["date"]),
  ),
  listTable(
    "actor",
    "positions",
    "actor_positions",
    "Positions held",
    "Posts people held over time, oldest first for each person: one row per post.",
    itemColumns("actor", "positions", ["title", "organisation", "on_behalf_of", "start", "end", "held_as_of", "end_reason", "appointed_by", "note"], ["start", "end", "held_as_of"]),
  ),
  listTable(
    "actor",
    "memberships",
    "actor_memberships",
    "Memberships",
    "The international organisations states are or were members of (a sanction imposed on behalf of one counts for its members): one row per membership.",
    itemColumns("actor", "memberships", ["organisation", "start", "end", "source"], ["start", "end"]),
  ),
  {
    ...listTable("forum", "editions", "forum_editions", "Forum editions", "The editions of each forum, oldest first. Edition ids are unique across the dataset and are what meetings.sidelines_of names.", itemColumns("forum", "editions", ["id", "number", "name", "status", "start", "end", "venue/venue", "venue/city", "venue/country", "note"], ["start", "end"])),
    unique: ["id"],
  },
  editionListTable("sources", "forum_edition_sources", "Forum edition sources", "The documents each forum edition cites: one row per source of each edition.", sourceColumns("forum", ["editions", "sources"])),
  editionListTable(
    "delegations",
    "forum_edition_delegations",
    "Forum edition delegations",
    "Who led each state's delegation at each forum edition: one row per state and edition. `level` is `minister` when the defence minister came, `lower-level` when someone else led the delegation, `absent` when the state stayed away, `unknown` when the sources do not say.",
    ["state", "level", "head", "head_title", "source", "note"].map((f): Column => ({ name: f, get: (r) => get(r.item, [f]), schema: { type: "forum", path: ["editions", "delegations", f] } })),
  ),
  sharedListTable("sources", RECORD_TYPES_WITH("sources"), "sources", "Sources", "The documents every record cites: one row per source of each record (forum editions' sources are in forum_edition_sources.csv).", (type) => sourceColumns(type, ["sources"])),
  sharedListTable("native_names", RECORD_TYPES_WITH("native_names"), "native_names", "Native names", "Names in the actor's or forum's own language and script: one row per name.", (type) => itemColumns(type, "native_names", ["name", "lang"])),
  sharedListTable("identifiers", RECORD_TYPES_WITH("identifiers"), "identifiers", "Identifiers", "The record's ids in other registers (Wikidata, OFAC, OpenSanctions…): one row per identifier.", (type) => itemColumns(type, "identifiers", ["scheme", "value"])),
  sharedListTable("claims", RECORD_TYPES_WITH("claims"), "claims", "Claims", "What single sources say about single fields where sources disagree: one row per claim. `value` is the claim's value as text; `value_type` says whether it is a string, a number or a boolean.", (type) => [
    itemField(type, "claims", ["field"]),
    itemField(type, "claims", ["value"], "value", { type: "string", description: "The value this source gives, as text (see value_type)." }),
    { name: "value_type", get: (r) => typeof r.item?.value, field: { type: "string", description: "The JSON type of `value`: string, number or boolean.", constraints: { required: true, enum: ["string", "number", "boolean"] } } },
    itemField(type, "claims", ["source"]),
    itemField(type, "claims", ["quote"]),
    itemField(type, "claims", ["note"]),
  ]),
  sharedListTable("notes", RECORD_TYPES_WITH("notes"), "notes", "Notes", "Editorial notes on records or single fields: one row per note.", (type) => itemColumns(type, "notes", ["field", "text"])),
  sharedListTable(
    "unverified",
    RECORD_TYPES_WITH("unverified"),
    "unverified",
    "Unverified fields",
    "Fields whose values rest on recall or inference and were not read in a cited source: one row per field path. Treat them as weaker.",
    (type) => [{ name: "field", get: (r) => r.item?.value, schema: { type, path: ["unverified"], items: true } }],
    true,
  ),
];

/** What the public schema says of a field: its node, description, whether every row has it, and what its ids refer to. */
interface SchemaField {
  node: JsonSchema;
  description: string;
  required: boolean;
  refersTo?: string[];
}

/** Follows `$ref`s and list items from a record schema down a field path; the outermost description wins. */
function schemaAt(schemas: Map<string, JsonSchema>, type: RecordType, path: readonly string[], items = false): SchemaField {
  let file: string = RECORD_TYPES[type].schema;
  let node: JsonSchema = schemas.get(file)!;
  let description = "";
  let required = true;
  let refersTo: string[] | undefined;
  const deref = (): void => {
    const found = followRefs(node, file, schemas, (referring) => {
      if (!description && typeof referring.description === "string") description = referring.description;
      if (!refersTo && Array.isArray(referring["x-refers-to"])) refersTo = referring["x-refers-to"] as string[];
    });
    if (found.unresolved) throw new Error(`unresolvable $ref ${found.unresolved} in ${found.file}`);
    ({ schema: node, file } = found);
  };
  const stepIntoItems = (): void => {
    node = node.items as JsonSchema;
    refersTo = undefined;
    if (Array.isArray(node["x-refers-to"])) refersTo = node["x-refers-to"] as string[];
    deref();
  };
  for (const seg of path) {
    deref();
    if (node.type === "array" && isPlainObject(node.items)) stepIntoItems();
    required &&= Array.isArray(node.required) && (node.required as string[]).includes(seg);
    const props = node.properties as Record<string, JsonSchema> | undefined;
    if (!props?.[seg]) throw new Error(`no field ${path.join("/")} in the public ${type} schema`);
    node = props[seg];
    description = typeof node.description === "string" ? node.description : "";
    refersTo = Array.isArray(node["x-refers-to"]) ? (node["x-refers-to"] as string[]) : undefined;
  }
  deref();
  if (items && node.type === "array" && isPlainObject(node.items)) stepIntoItems();
  return { node, description, required, ...(refersTo ? { refersTo } : {}) };
}

/** The Frictionless Table Schema field of a column. */
export function frictionlessField(schemas: Map<string, JsonSchema>, column: Column): FrictionlessField {
  const out: FrictionlessField = { name: column.name, type: "string", description: "" };
  if (column.schema) {
    const { node, description, required } = schemaAt(schemas, column.schema.type, column.schema.path, column.schema.items);
    const types = ([] as unknown[]).concat(node.type ?? []);
    const enumValues = (node.enum as unknown[] | undefined)?.filter((v) => v !== null);
    out.type = types.includes("array") ? "array" : types.includes("integer") ? "integer" : types.includes("number") || enumValues?.every((v) => typeof v === "number") ? "number" : types.includes("boolean") ? "boolean" : "string";
    out.description = description;
    if (node.format === "uri") out.format = "uri";
    const constraints: NonNullable<FrictionlessField["constraints"]> = {};
    // A field the schema allows to be null has empty cells, so it is not required in the table.
    if (required && !types.includes("null")) constraints.required = true;
    if (enumValues) constraints.enum = enumValues;
    if (isPartialDate(node)) constraints.pattern = String(node.pattern);
    if (Object.keys(constraints).length > 0) out.constraints = constraints;
    if (out.type === "array") out.description = `${out.description} A JSON array.`.trim();
    if (out.type === "string" && !enumValues && !isPartialDate(node) && mayLookLikeFormula(node.pattern as string | undefined)) out.description = `${out.description} ${FORMULA_NOTE}`.trim();
  }
  if (column.field) {
    const { constraints, ...rest } = column.field;
    Object.assign(out, rest);
    if (constraints) out.constraints = { ...out.constraints, ...constraints };
  }
  return out;
}

/** Where a column's values point: the table and column of the ids it holds, or undefined. */
export function columnReference(schemas: Map<string, JsonSchema>, column: Column): { table: string; column: string } | undefined {
  if (column.references) return column.references;
  if (!column.schema) return undefined;
  const { node, refersTo } = schemaAt(schemas, column.schema.type, column.schema.path, column.schema.items);
  // A list of ids (a JSON array in one cell) cannot be a foreign key; an id of one of several types neither.
  if (!refersTo || refersTo.length !== 1 || ([] as unknown[]).concat(node.type ?? []).includes("array")) return undefined;
  return { table: ID_TABLES[refersTo[0] as RecordType | "edition"], column: "id" };
}

export interface TableSchema {
  fields: FrictionlessField[];
  primaryKey: string[];
  /** Absent when the table holds no ids of other rows (the Frictionless profile wants at least one key when present). */
  foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }>;
  missingValues: string[];
}

/** The datapackage resource name of a table. */
export const resourceName = (table: string): string => table.replace(/_/g, "-");

/**
 * The Frictionless Table Schema of a table: fields from the public schemas, the primary key, and a
 * foreign key for every column that holds ids of one type. A partial-date column must be followed by
 * its derived day and EDTF columns.
 */
export function tableSchema(schemas: Map<string, JsonSchema>, spec: TableSpec): TableSchema {
  const fields = spec.columns.map((c) => frictionlessField(schemas, c));
  fields.forEach((f, i) => {
    if (spec.primaryKey.length === 1 && spec.primaryKey[0] === f.name || spec.unique?.includes(f.name)) f.constraints = { ...f.constraints, required: true, unique: true };
    if (f.constraints?.pattern !== undefined && spec.columns[i]!.schema && fields[i + 1]?.name !== `${f.name}_from`) throw new Error(`internal error: the partial date ${spec.name}.${f.name} has no derived ${f.name}_from/_to/_edtf columns`);
  });
  const foreignKeys = spec.columns.flatMap((c) => {
    const ref = columnReference(schemas, c);
    return ref ? [{ fields: c.name, reference: { resource: ref.table === spec.name ? "" : resourceName(ref.table), fields: ref.column } }] : [];
  });
  return { fields, primaryKey: spec.primaryKey, ...(foreignKeys.length > 0 ? { foreignKeys } : {}), missingValues: [""] };
}

/** The rows of a table as cell text, in record order (records are sorted by id; list items keep their order). */
/** The cells of some rows of a table, as CSV text. */
export function tableCells(spec: TableSpec, rows: readonly Row[]): string[][] {
  return rows.map((row) => spec.columns.map((c) => cell(c.get(row))));
}
