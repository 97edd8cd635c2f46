/**
 * DuckDB column types for the Parquet files, from the same sources as everything else: the public JSON
 * Schemas for the nested record files (objects become STRUCTs, lists become LISTs), and the Table
 * Schema of each link table for the flat ones.
 */
import { followRefs, type JsonSchema } from "../../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../../record-types.ts";
import { isPlainObject } from "../json.ts";
import type { FrictionlessField } from "../csv/tables.ts";
import { append } from "../../collections.ts";

/** A name quoted for SQL. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A string literal for SQL. */
export const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The DuckDB type of a JSON Schema node. */
function duckdbType(node: JsonSchema, file: string, schemas: ReadonlyMap<string, JsonSchema>): string {
  const found = followRefs(node, file, schemas);
  if (found.unresolved) throw new Error(`unresolvable $ref ${found.unresolved} in ${found.file}`);
  const { schema, file: at } = found;
  const types = ([] as unknown[]).concat(schema.type ?? []).filter((t) => t !== "null");
  const values = schema.enum as unknown[] | undefined;
  if (types.length === 0 && values) append(types, new Set(values.filter((v) => v !== null).map((v) => (typeof v === "number" ? "number" : typeof v))));
  if (types.length > 1) return "JSON"; // a value of several types (a claim's value) keeps its JSON form
  switch (types[0]) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return `STRUCT(${Object.entries(props).map(([k, v]) => `${ident(k)} ${duckdbType(v, at, schemas)}`).join(", ")})`;
    }
    case "array":
      return `${duckdbType(isPlainObject(schema.items) ? schema.items : {}, at, schemas)}[]`;
    case "integer":
      return "BIGINT";
    case "number":
      return "DOUBLE";
    case "boolean":
      return "BOOLEAN";
    case "string":
      return "VARCHAR";
    default:
      return "JSON";
  }
}

/** Each top-level field of a record type with its DuckDB type, in the public schema's order. */
export function recordColumns(type: RecordType, schemas: ReadonlyMap<string, JsonSchema>): Array<[string, string]> {
  const file = RECORD_TYPES[type].schema;
  const props = (schemas.get(file)!.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(props).map(([name, node]) => [name, duckdbType(node, file, schemas)]);
}

const TABLE_TYPES: Record<FrictionlessField["type"], string> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", boolean: "BOOLEAN", date: "DATE", array: "VARCHAR[]" };

/**
 * The SQL expression that turns one CSV cell (read as text) into its typed value: JSON arrays into
 * lists, and text back to what the records hold, without the one `'` the CSV puts before a cell a
 * spreadsheet would take for a formula (the same rule as restoreFormulaCell).
 */
export function cellExpression(field: FrictionlessField): string {
  const c = ident(field.name);
  if (field.type === "array") return `CAST(from_json(${c}, '["VARCHAR"]') AS VARCHAR[]) AS ${c}`;
  if (field.type === "string") return `CASE WHEN regexp_matches(${c}, '^''+[=+\\-@\\t\\r]') THEN ${c}[2:] ELSE ${c} END AS ${c}`;
  return `CAST(${c} AS ${TABLE_TYPES[field.type]}) AS ${c}`;
}
