import { resolveRef, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";

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

function rows(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>, prefix: string, depth: number): Row[] {
  const out: Row[] = [];
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
    if (obj && obj.s.properties) out.push(...rows(obj.s, obj.file, schemas, `${prefix}${key}${s.type === "array" ? "[]" : ""}.`, depth + 1));
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
    "`parent.child`; `[]` marks a list. Rules that tie fields together (`if`/`then`) are in the schemas and are",
    "explained by the validator when broken. Checks beyond the schema are listed in [CONTRIBUTING.md](../CONTRIBUTING.md#checks).",
    "",
  ];
  for (const type of RECORD_TYPE_NAMES) {
    const file = RECORD_TYPES[type].schema;
    const schema = schemas.get(file)!;
    out.push(`## ${String(schema.title ?? type)}`, "", esc(String(schema.description ?? "")), "", `Schema: [\`${file}\`](${file})`, "");
    out.push("| field | type | required | description | allowed values | examples |", "| --- | --- | --- | --- | --- | --- |");
    for (const r of rows(schema, file, schemas, "", 0)) out.push(`| ${r.field} | ${r.type} | ${r.required} | ${r.description} | ${r.values} | ${r.example} |`);
    out.push("");
  }
  return out.join("\n");
}
