/**
 * Puts a record (with its derived fields) into its published form, guided by the public schema:
 * keys in the schema's order, strings trimmed, country codes upper case, absent top-level lists `[]`.
 * A key the schema does not know is an internal error: what is published is what the schema says.
 */
import { resolveRef, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { listProperties } from "./public-schemas.ts";
import { isPlainObject } from "./json.ts";

const COUNTRY_REF = "defs.schema.json#/$defs/country";

interface Node {
  schema: JsonSchema;
  file: string;
  isCountry: boolean;
}

export class Normalizer {
  private readonly lists = new Map<RecordType, string[]>();

  constructor(private readonly schemas: Map<string, JsonSchema>) {}

  // Resolved once per schema node: the build normalizes every value of every record against them.
  private readonly resolved = new WeakMap<JsonSchema, Map<string, Node>>();
  private readonly roots = new Map<string, JsonSchema>();

  private resolve(schema: JsonSchema, file: string): Node {
    let byFile = this.resolved.get(schema);
    if (!byFile) this.resolved.set(schema, (byFile = new Map()));
    let node = byFile.get(file);
    if (!node) byFile.set(file, (node = this.resolveUncached(schema, file)));
    return node;
  }

  /** Follows `$ref`s to the schema that describes the value. */
  private resolveUncached(schema: JsonSchema, file: string): Node {
    let node = schema;
    let at = file;
    let isCountry = false;
    for (let i = 0; i < 10 && typeof node.$ref === "string"; i++) {
      const [doc, pointer = ""] = node.$ref.split("#");
      if (`${doc || at}#${pointer}` === COUNTRY_REF) isCountry = true;
      const target = resolveRef(node.$ref, at, this.schemas);
      if (!target) throw new Error(`unresolvable $ref ${node.$ref} in ${file}`);
      ({ schema: node, file: at } = target);
    }
    return { schema: node, file: at, isCountry };
  }

  private value(value: unknown, schema: JsonSchema, file: string, where: string): unknown {
    const node = this.resolve(schema, file);
    if (typeof value === "string") {
      const trimmed = value.trim();
      return node.isCountry ? trimmed.toUpperCase() : trimmed;
    }
    if (Array.isArray(value)) {
      const items = isPlainObject(node.schema.items) ? node.schema.items : {};
      return value.map((v, i) => this.value(v, items, node.file, `${where}/${i}`));
    }
    if (isPlainObject(value)) {
      const props = (node.schema.properties ?? {}) as Record<string, JsonSchema>;
      const extra = isPlainObject(node.schema.additionalProperties) ? node.schema.additionalProperties : undefined;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(props)) if (value[key] !== undefined) out[key] = this.value(value[key], sub, node.file, `${where}/${key}`);
      for (const key of Object.keys(value).sort()) {
        if (key in props || value[key] === undefined) continue;
        if (!extra) throw new Error(`${where}/${key} is not in the public schema ${node.file}`);
        out[key] = this.value(value[key], extra, node.file, `${where}/${key}`);
      }
      return out;
    }
    return value;
  }

  record(type: RecordType, data: Record<string, unknown>): Record<string, unknown> {
    const file = RECORD_TYPES[type].schema;
    let lists = this.lists.get(type);
    if (!lists) this.lists.set(type, (lists = listProperties(type, this.schemas)));
    const withLists = { ...data };
    for (const name of lists) withLists[name] ??= [];
    let root = this.roots.get(file);
    if (!root) this.roots.set(file, (root = { $ref: file }));
    return this.value(withLists, root, file, `${type}:${String(data.id)}`) as Record<string, unknown>;
  }
}
