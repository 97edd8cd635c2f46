/**
 * The public schemas: the shapes consumers of a release rely on, derived from the source schemas in
 * `schemas/` (one source of truth) and written to `dist/schemas/` by the build.
 *
 * A public record is its source record, normalized, plus derived fields:
 * - every top-level list is present (`[]` when the source has none), so consumers need no `?? []`;
 * - derived fields are appended, each marked `"readOnly": true` and `"x-derived": true` with a
 *   description that says how it is computed (see derive.ts);
 * - long text is trimmed, which the public `longText` definition states as a pattern.
 * Two more schemas describe the release files: `dataset.schema.json` (dataset.json, and through its
 * properties each `json/<plural>.json`) and `manifest.schema.json`.
 */
import { followRefs, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import { isPlainObject } from "./json.ts";
import { QUALITY_SCHEMA, qualitySchema } from "../quality/measure.ts";

export const DEFS_FILE = "defs.schema.json";
export const DATASET_SCHEMA = "dataset.schema.json";
export const MANIFEST_SCHEMA = "manifest.schema.json";

const META = "https://json-schema.org/draft/2020-12/schema";

const derived = (description: string, schema: JsonSchema): JsonSchema => ({ ...schema, description: `Derived: ${description}`, readOnly: true, "x-derived": true });
/**
 * A list of ids. Its items say `"type": "string"` besides their `$ref`, which a validator needs to
 * check `uniqueItems` in linear time: ajv compares every pair of items of an untyped list, and a
 * state's list holds tens of thousands of ids in a large dataset.
 */
const refList = (target: string): JsonSchema => ({ type: "array", uniqueItems: true, items: { type: "string", $ref: `${DEFS_FILE}#/$defs/ref`, "x-refers-to": [target] } });

/** CAMEO codes given to status changes; the table in the field description is generated from it. */
export const CAMEO_DESCRIPTIONS: ReadonlyArray<readonly [code: string, meaning: string]> = [
  ["036", "Express intent to meet or negotiate"],
  ["040", "Consult, not specified below"],
  ["041", "Discuss by telephone"],
  ["042", "Make a visit"],
  ["044", "Meet at a third location"],
  ["125", "Reject proposal to meet, discuss, or negotiate"],
];

/** Derived top-level fields per record type, in the order they are appended. */
export const DERIVED_FIELDS: Partial<Record<RecordType, Record<string, JsonSchema>>> = {
  actor: {
    meeting_ids: derived("the ids of the meetings in which this actor is a participant or is represented by one (`participants[].on_behalf_of`), sorted.", refList("meeting")),
    sanction_ids: derived("the ids of the sanctions that name this actor as a target, as the actor that imposed or implements them, or as the state on whose behalf they were imposed, sorted.", refList("sanction")),
  },
  incident: {
    meeting_ids: derived("the ids of the meetings with a status change (`status_history[].incidents`) that cites this incident as a reason, sorted.", refList("meeting")),
  },
  meeting: {
    cameo: derived("the CAMEO event code of the meeting's current `status`, by the rules of `status_history[].cameo`: for a held meeting, how it was held (041 call, 042 visit, 044 third location, 040 other); `null` for no-response and postponed.", {
      type: ["string", "null"],
      pattern: "^[0-9]{3,4}$",
      examples: ["044", "125"],
    }),
    participant_sanctioned: derived(
      "whether, on the meeting's date, a participant was the target of a sanction in effect that had been imposed on behalf of the state another participant represented. " +
        "The date is `date`, else the start of the forum edition in `sidelines_of`, else the date of the last status change; `null` when there is none. " +
        "A sanction is in effect from `effective` (else `listed`, else `announced`) until `ended`, judged by day ranges so that partial dates count only when certain. " +
        "The states a participant represents are its `on_behalf_of`, the participant itself when it is a state, and the states whose `country` equals the participant's `country` or `citizenship`; " +
        "a sanction imposed on behalf of an international organisation (the European Union) counts for each of those states that was a member of it on that date (the state's `memberships`).",
      { type: ["boolean", "null"] },
    ),
    sanctioned_participants: derived(
      "the ids of the participants that make `participant_sanctioned` true: each was, on the meeting's date, the target of a sanction in effect imposed on behalf of a state another participant represented, or of an organisation that state was a member of (the rules of `participant_sanctioned`). Sorted, each id once, so the list never holds more than the participants. " +
        "Which sanctions those were is not copied here (a person can be under hundreds of sanctions and take part in thousands of meetings): they are the sanctions whose `targets` name the participant (`csv/sanction_targets.csv`, one row per target, published once), that were in effect on the meeting's date and whose `on_behalf_of` is a state another participant represented or an organisation it was a member of.",
      { ...refList("actor"), examples: [["li-shangfu"]] },
    ),
  },
};

const CAMEO_FIELD = derived(
  `the CAMEO event code for this step, or \`null\` when no code fits (no-response, postponed): proposed, invited and accepted → 036; declined and cancelled → 125; held → 041 for a call or video call, 042 for a visit, 044 for a meeting away from every participant's country, else 040. Codes: ${CAMEO_DESCRIPTIONS.map(([code, text]) => `${code} ${text}`)
    .join("; ")}.`,
  { type: ["string", "null"], pattern: "^[0-9]{3,4}$", examples: ["036", "125"] },
);

/** Derived fields of the items of a top-level list, per record type and list. */
export const DERIVED_STEP_FIELDS: Partial<Record<RecordType, Record<string, Record<string, JsonSchema>>>> = {
  meeting: { status_history: { cameo: CAMEO_FIELD } },
};

/** Definitions added to a record type's public schema for its derived fields (none at present). */
const DERIVED_DEFS: Partial<Record<RecordType, Record<string, JsonSchema>>> = {};

const LIST_NOTE = "Always present in published data: `[]` when there are none.";

function resolveLocal(schema: JsonSchema, file: string, all: Map<string, JsonSchema>): JsonSchema {
  return followRefs(schema, file, all).schema;
}

/** The top-level properties of a record schema whose value is a list. */
export function listProperties(type: RecordType, schemas: Map<string, JsonSchema>): string[] {
  const file = RECORD_TYPES[type].schema;
  const props = (schemas.get(file)?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(props)
    .filter(([, p]) => resolveLocal(p, file, schemas).type === "array")
    .map(([name]) => name);
}

/** The top-level properties of a record schema that declare a `default`, with it: published records always carry them. */
export function defaultedProperties(type: RecordType, schemas: Map<string, JsonSchema>): Array<[string, unknown]> {
  const props = (schemas.get(RECORD_TYPES[type].schema)?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(props)
    .filter(([, p]) => "default" in p)
    .map(([name, p]) => [name, p.default]);
}

/** Lists may no longer be absent, so a rule that forbade one (`"positions": false`) now requires it empty. */
function allowEmptyLists(node: unknown, lists: ReadonlySet<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => allowEmptyLists(n, lists));
  if (!isPlainObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && isPlainObject(value)) {
      for (const [name, sub] of Object.entries(value)) if (sub === false && lists.has(name)) value[name] = { type: "array", maxItems: 0 };
    }
    allowEmptyLists(value, lists);
  }
}

function publicRecordSchema(type: RecordType, source: Map<string, JsonSchema>): JsonSchema {
  const file = RECORD_TYPES[type].schema;
  const s = structuredClone(source.get(file)) as JsonSchema;
  const props = s.properties as Record<string, JsonSchema>;
  const required = [...((s.required as string[] | undefined) ?? [])];
  const lists = listProperties(type, source);
  for (const name of lists) {
    if (required.includes(name)) continue;
    required.push(name);
    props[name] = { ...props[name], description: `${String(props[name]!.description ?? "")} ${LIST_NOTE}`.trim() };
  }
  if (s.allOf) allowEmptyLists(s.allOf, new Set(lists));
  for (const [name, value] of defaultedProperties(type, source)) {
    if (required.includes(name)) continue;
    required.push(name);
    props[name] = { ...props[name], description: `${String(props[name]!.description ?? "")} Always present in published data: \`${String(value)}\` when the record does not say.`.trim() };
  }
  for (const [name, schema] of Object.entries(DERIVED_FIELDS[type] ?? {})) {
    props[name] = schema;
    required.push(name);
  }
  const defs = { ...((s.$defs as Record<string, JsonSchema> | undefined) ?? {}), ...(DERIVED_DEFS[type] ?? {}) };
  for (const [list, fields] of Object.entries(DERIVED_STEP_FIELDS[type] ?? {})) {
    const ref = ((props[list]!.items ?? {}) as JsonSchema).$ref as string;
    const item = defs[ref.replace("#/$defs/", "")]!;
    item.properties = { ...(item.properties as Record<string, JsonSchema>), ...fields };
    item.required = [...(item.required as string[]), ...Object.keys(fields)];
  }
  const out: JsonSchema = {
    $schema: META,
    $id: file,
    $comment: `Public schema of a published ${type} record, generated from schemas/${file} by \`npm run build\`; do not edit.`,
    title: s.title,
    description: `${String(s.description ?? "")} This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked \`x-derived\`) appended.`,
  };
  for (const [key, value] of Object.entries(s)) if (!(key in out)) out[key] = value;
  out.required = required;
  if (Object.keys(defs).length > 0) out.$defs = defs;
  return out;
}

function publicDefs(source: Map<string, JsonSchema>): JsonSchema {
  const s = structuredClone(source.get(DEFS_FILE)) as JsonSchema;
  const defs = s.$defs as Record<string, JsonSchema>;
  defs.longText = { ...defs.longText, description: `${String(defs.longText!.description)} Published text has no leading or trailing white space.`, pattern: "^\\S(?:[\\s\\S]*\\S)?$" };
  return { ...s, $comment: `Public shared definitions, generated from schemas/${DEFS_FILE} by \`npm run build\`; do not edit.` };
}

const PLURAL_PROPS = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [RECORD_TYPES[t].plural, { type: "array", description: `Every ${t} record, sorted by id; also published alone as \`json/${RECORD_TYPES[t].plural}.json\`.`, items: { $ref: RECORD_TYPES[t].schema } }]));
const COUNTS: JsonSchema = {
  title: "Record counts",
  description: "How many records of each type the release holds.",
  type: "object",
  additionalProperties: false,
  required: RECORD_TYPE_NAMES,
  properties: Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, { type: "integer", minimum: 0 }])),
};
const PROVENANCE = {
  source_commit: { type: "string", pattern: "^([0-9a-f]{40}|unknown)$", description: "The git commit of the data the release was built from; `unknown` outside a git checkout or when data/ or schemas/ had uncommitted changes." },
  source_date: { type: "string", pattern: "^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z|unknown)$", description: "The commit time (UTC) of the checked-out commit, or SOURCE_DATE_EPOCH when set; `unknown` when neither is known. Builds never read the clock, so two builds of one commit are identical." },
};

function datasetSchema(): JsonSchema {
  return {
    $schema: META,
    $id: DATASET_SCHEMA,
    $comment: "Generated by `npm run build`; do not edit.",
    title: "Dataset",
    description: "The whole release in one file (`dataset.json`): metadata and every record of every type.",
    type: "object",
    additionalProperties: false,
    required: ["metadata", ...RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].plural)],
    properties: { metadata: { $ref: "#/$defs/metadata" }, ...PLURAL_PROPS },
    $defs: {
      metadata: {
        title: "Dataset metadata",
        description: "What the release is and what it was built from.",
        type: "object",
        additionalProperties: false,
        required: ["name", "title", "version", "license", "code_license", "source_commit", "source_date", "record_counts", "citation"],
        properties: {
          name: { const: "sidelines" },
          title: { type: "string" },
          version: { type: "string", description: "The dataset version (the package version)." },
          license: { type: "string", description: "SPDX identifier of the data licence (the records and every data file of the release; full text in LICENSE-DATA)." },
          code_license: { type: "string", description: "SPDX identifier of the code licence (the compiled package in lib/; full text in LICENSE)." },
          ...PROVENANCE,
          record_counts: { $ref: "#/$defs/recordCounts" },
          citation: {
            title: "Dataset citation",
            description: "How to cite this release, ready to paste; made from the release's CITATION.cff (Citation File Format 1.2.0).",
            type: "object",
            additionalProperties: false,
            required: ["bibtex", "apa"],
            properties: { bibtex: { type: "string", description: "A BibTeX entry." }, apa: { type: "string", description: "The reference in APA style, as plain text." } },
          },
        },
      },
      recordCounts: COUNTS,
    },
  };
}

function manifestSchema(): JsonSchema {
  return {
    $schema: META,
    $id: MANIFEST_SCHEMA,
    $comment: "Generated by `npm run build`; do not edit.",
    title: "Manifest",
    description: "What a release contains (`manifest.json`): version, provenance, record counts and the SHA-256 of every other file. `SHA256SUMS` lists the same hashes, and that of manifest.json, for `sha256sum -c`.",
    type: "object",
    additionalProperties: false,
    required: ["name", "version", "source_commit", "source_date", "record_counts", "quality", "files"],
    properties: {
      name: { const: "sidelines" },
      version: { type: "string" },
      ...PROVENANCE,
      record_counts: { $ref: `${DATASET_SCHEMA}#/$defs/recordCounts` },
      quality: { $ref: `${QUALITY_SCHEMA}#/$defs/figures`, description: "How the records cite their sources, overall; per record type and per record in quality.json." },
      files: {
        description: "Every file of the release except manifest.json and SHA256SUMS, by path relative to the release folder, sorted.",
        type: "object",
        additionalProperties: { $ref: "#/$defs/file" },
      },
    },
    $defs: {
      file: {
        title: "Manifest file",
        type: "object",
        additionalProperties: false,
        required: ["sha256", "bytes"],
        properties: { sha256: { type: "string", pattern: "^[0-9a-f]{64}$" }, bytes: { type: "integer", minimum: 0 } },
      },
    },
  };
}

/** Every public schema by file name (also its `$id`), in a stable order. */
export function publicSchemas(source: Map<string, JsonSchema>): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  out.set(DEFS_FILE, publicDefs(source));
  for (const type of RECORD_TYPE_NAMES) out.set(RECORD_TYPES[type].schema, publicRecordSchema(type, source));
  out.set(DATASET_SCHEMA, datasetSchema());
  out.set(MANIFEST_SCHEMA, manifestSchema());
  out.set(QUALITY_SCHEMA, qualitySchema());
  return out;
}
