import fs from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "./record-types.ts";
import { SCHEMAS_DIR } from "./paths.ts";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

export type JsonSchema = Record<string, unknown>;

/** Reads every `*.schema.json` in the folder, keyed by file name (which is also each schema's `$id`). */
export function readSchemas(dir: string = SCHEMAS_DIR): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort()) {
    schemas.set(file, JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as JsonSchema);
  }
  return schemas;
}

/**
 * An ajv instance in strict mode with every schema added. `allErrors` so one run reports every problem;
 * union types are allowed because a claim's value may be a string, number or boolean.
 */
export function createAjv(schemas: Map<string, JsonSchema> = readSchemas()): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  // Annotation naming the record types a reference may point to; read by the reference checks.
  ajv.addKeyword({ keyword: "x-refers-to", schemaType: "array", metaSchema: { type: "array", items: { enum: ["actor", "sanction", "meeting", "forum", "edition"] } } });
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

export interface SchemaSet {
  ajv: Ajv2020;
  schemas: Map<string, JsonSchema>;
  validators: Record<RecordType, ValidateFunction>;
}

/** Compiles one validator per record type. Throws if a schema does not compile in strict mode. */
export function loadSchemaSet(dir: string = SCHEMAS_DIR): SchemaSet {
  const schemas = readSchemas(dir);
  const ajv = createAjv(schemas);
  const validators = {} as Record<RecordType, ValidateFunction>;
  for (const type of RECORD_TYPE_NAMES) {
    const validate = ajv.getSchema(RECORD_TYPES[type].schema);
    if (!validate) throw new Error(`schema ${RECORD_TYPES[type].schema} is missing from ${dir}`);
    validators[type] = validate;
  }
  return { ajv, schemas, validators };
}

/**
 * The schema a `$ref` points to and the file it lies in. Schemas are keyed by file name, which is also
 * their `$id`, so `defs.schema.json#/$defs/date` and a local `#/$defs/position` both resolve here.
 */
export function resolveRef(ref: string, fromFile: string, schemas: ReadonlyMap<string, JsonSchema>): { schema: JsonSchema; file: string } | undefined {
  const [doc, pointer = ""] = ref.split("#");
  const file = doc || fromFile;
  let node: unknown = schemas.get(file);
  for (const seg of pointer.split("/").filter(Boolean)) node = node && typeof node === "object" && !Array.isArray(node) ? (node as JsonSchema)[seg] : undefined;
  return node && typeof node === "object" && !Array.isArray(node) ? { schema: node as JsonSchema, file } : undefined;
}

/** Whether a string is a valid record id, by the shared `id` definition (pattern and length). */
export function isValidId(id: string, schemas: Map<string, JsonSchema> = readSchemas()): boolean {
  const def = ((schemas.get("defs.schema.json")?.$defs ?? {}) as Record<string, JsonSchema>).id ?? {};
  const min = typeof def.minLength === "number" ? def.minLength : 1;
  const max = typeof def.maxLength === "number" ? def.maxLength : Infinity;
  return id.length >= min && id.length <= max && new RegExp(String(def.pattern ?? ".")).test(id);
}
