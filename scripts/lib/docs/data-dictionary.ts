import { resolveRef, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";
import { DERIVED_FIELDS, DERIVED_STEP_FIELDS } from "../publish/public-schemas.ts";
import { conditionalRules } from "./conditional-rules.ts";
import { PUBLISHERS_SCHEMA } from "../schemas.ts";
import { append } from "../collections.ts";

interface Row {
  field: string;
  type: string;
  required: string;
  description: string;
  values: string;
  example: string;
}

const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n+/g, " ");
const code = (v: unknown): string => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

/** A property schema with its `$ref` merged in (the property's own keywords win). */
function flatten(s: JsonSchema, file: string, schemas: Map<string, JsonSchema>): { s: JsonSchema; file: string } {
  if (typeof s.$ref !== "string") return { s, file };
  const target = resolveRef(s.$ref, file, schemas) ?? { schema: {}, file };
  const inner = flatten(target.schema, target.file, schemas);
  const merged: JsonSchema = { ...inner.s, ...s };
  delete merged.$ref;
  // Examples are the property's own: a shared definition's examples (a date, a name in Chinese) would
  // stand in the wrong places (a birth date shown as a meeting's day, a person's name as a forum's).
  if (!("examples" in s)) delete merged.examples;
  // The referenced definition's title names the kind of value (Partial date, Reference…).
  if (typeof inner.s.title === "string") merged["x-kind"] = inner.s.title;
  return { s: merged, file: inner.file };
}

function typeOf(s: JsonSchema, schemas: Map<string, JsonSchema>, file: string): string {
  if (typeof s["x-kind"] === "string" && s.type !== "object" && s.type !== "array") {
    const refs = s["x-refers-to"] as string[] | undefined;
    return refs ? `${s["x-kind"] as string} → ${refs.join(" / ")}` : (s["x-kind"] as string);
  }
  if (s.type === "array") {
    const item = flatten((s.items ?? {}) as JsonSchema, file, schemas).s;
    return `list of ${item.type === "object" ? (typeof item.title === "string" ? item.title.toLowerCase() : "objects") : typeOf(item, schemas, file).toLowerCase()}`;
  }
  if (Array.isArray(s.enum)) return "one of the values";
  if (Array.isArray(s.type)) return s.type.join(" or ");
  return String(s.type ?? "any");
}

/** Collects each object's conditional rules under the field path they apply to ("" for the record). */
type RuleSink = Array<{ at: string; rule: string }>;

function rows(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>, prefix: string, depth: number, rules: RuleSink): Row[] {
  const out: Row[] = [];
  for (const rule of conditionalRules(schema)) rules.push({ at: prefix.replace(/\.$/, ""), rule });
  const required = new Set((schema.required ?? []) as string[]);
  for (const [key, raw] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const { s, file: f } = flatten(raw, file, schemas);
    const examples = Array.isArray(s.examples) ? s.examples.slice(0, 2).map(code).join(", ") : "";
    out.push({
      field: `\`${prefix}${key}\``,
      type: typeOf(s, schemas, f),
      required: required.has(key) ? "yes" : "",
      description: esc(String(s.description ?? "")),
      values: Array.isArray(s.enum) ? s.enum.map(code).join(", ") : "",
      example: esc(examples),
    });
    if (depth > 4) continue;
    const obj = s.type === "array" ? flatten((s.items ?? {}) as JsonSchema, f, schemas) : s.type === "object" ? { s, file: f } : undefined;
    if (obj && obj.s.properties) append(out, rows(obj.s, obj.file, schemas, `${prefix}${key}${s.type === "array" ? "[]" : ""}.`, depth + 1, rules));
  }
  return out;
}

/** The data dictionary: every type and field with its type, required-ness, description, allowed values and examples. */
export function dataDictionaryMarkdown(schemas: Map<string, JsonSchema>): string {
  const out: string[] = [
    "# Data dictionary",
    "",
    "<!-- Generated from schemas/*.schema.json by `npm run docs`; do not edit. `npm run docs -- --check` fails when it drifts. -->",
    "",
    "Every record type and field, generated from the JSON Schemas in this folder. Nested fields are written",
    "`parent.child`; `[]` marks a list. Under each table, **Rules** says in words the rules that tie fields",
    "together (the schemas' `if`/`then`), and **Written by the build** lists the derived fields that appear in",
    "published data only: never write them in a record. Checks beyond the schema are listed in",
    "[CONTRIBUTING.md](../CONTRIBUTING.md#checks).",
    "",
  ];
  /** One schema's table, then the rules that tie its fields together, in words. */
  const section = (title: string, description: string, file: string, schema: JsonSchema, prefix: string): void => {
    out.push(`## ${title}`, "", esc(description), "", `Schema: [\`${file}\`](${file})`, "");
    out.push("| field | type | required | description | allowed values | examples |", "| --- | --- | --- | --- | --- | --- |");
    const rules: RuleSink = [];
    for (const r of rows(schema, file, schemas, prefix, 0, rules)) out.push(`| ${r.field} | ${r.type} | ${r.required} | ${r.description} | ${r.values} | ${r.example} |`);
    out.push("");
    if (rules.length) {
      out.push("**Rules**", "");
      for (const { at, rule } of rules) out.push(`- ${at ? `In each \`${at}\`, ${rule}` : rule[0]!.toUpperCase() + rule.slice(1)}`);
      out.push("");
    }
  };
  for (const type of RECORD_TYPE_NAMES) {
    const file = RECORD_TYPES[type].schema;
    const schema = schemas.get(file)!;
    section(String(schema.title ?? type), String(schema.description ?? ""), file, schema, "");
    const derived = derivedFields(type);
    if (derived.length) {
      out.push("**Written by the build, never by hand** (present in published data only)", "");
      for (const [field, description] of derived) out.push(`- \`${field}\`: ${esc(description.replace(/^Derived: /, ""))}`);
      out.push("");
    }
  }
  // The publishers registry is one mapping of hosts to entries: its rows are those of one entry.
  const registry = schemas.get(PUBLISHERS_SCHEMA);
  const entry = (registry?.$defs as Record<string, JsonSchema> | undefined)?.publisher;
  if (registry && entry) section(String(registry.title), String(registry.description ?? ""), PUBLISHERS_SCHEMA, entry, "hosts.<host>.");
  return out.join("\n");
}

/** The derived fields of a record type, as `[path, description]`. */
function derivedFields(type: RecordType): Array<[string, string]> {
  const out: Array<[string, string]> = Object.entries(DERIVED_FIELDS[type] ?? {}).map(([name, s]) => [name, String(s.description ?? "")]);
  for (const [list, fields] of Object.entries(DERIVED_STEP_FIELDS[type] ?? {})) {
    for (const [name, s] of Object.entries(fields)) out.push([`${list}[].${name}`, String(s.description ?? "")]);
  }
  return out;
}
