/**
 * Puts a record (with its derived fields) into its published form, guided by the public schema:
 * keys in the schema's order, strings trimmed, country codes upper case, absent top-level lists `[]`.
 * A key the schema does not know is an internal error: what is published is what the schema says.
 */
import { followRefs, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { defaultedProperties, listProperties } from "./public-schemas.ts";
import { isPlainObject } from "./json.ts";

const COUNTRY_REF = "defs.schema.json#/$defs/country";

interface Node {
  schema: JsonSchema;
  file: string;
  isCountry: boolean;
  /** For an object schema: its properties in order, listed once rather than for every value. */
  props?: Array<[string, JsonSchema]>;
}

export class Normalizer {
  private readonly lists = new Map<RecordType, string[]>();
  private readonly defaults = new Map<RecordType, Array<[string, unknown]>>();

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
    let isCountry = false;
    const { schema: node, file: at, unresolved } = followRefs(schema, file, this.schemas, (_referring, ref, from) => {
      const [doc, pointer = ""] = ref.split("#");
      if (`${doc || from}#${pointer}` === COUNTRY_REF) isCountry = true;
    });
    if (unresolved) throw new Error(`unresolvable $ref ${unresolved} in ${file}`);
    return { schema: node, file: at, isCountry, ...(node.properties ? { props: Object.entries(node.properties as Record<string, JsonSchema>) } : {}) };
  }

  /** Where a value is, for the message of an internal error; kept as a stack so that no path is built unless needed. */
  private readonly path: string[] = [];

  private value(value: unknown, schema: JsonSchema, file: string): unknown {
    const node = this.resolve(schema, file);
    if (typeof value === "string") {
      const trimmed = value.trim();
      return node.isCountry ? trimmed.toUpperCase() : trimmed;
    }
    if (Array.isArray(value)) {
      const items = isPlainObject(node.schema.items) ? node.schema.items : {};
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        this.path.push(String(i));
        out[i] = this.value(value[i], items, node.file);
        this.path.pop();
      }
      return out;
    }
    if (isPlainObject(value)) {
      const props = node.props ?? [];
      const out: Record<string, unknown> = {};
      for (const [key, sub] of props) {
        if (value[key] === undefined) continue;
        this.path.push(key);
        out[key] = this.value(value[key], sub, node.file);
        this.path.pop();
      }
      const known = (node.schema.properties ?? {}) as Record<string, JsonSchema>;
      const extraKeys = Object.keys(value).filter((key) => !(key in known) && value[key] !== undefined);
      if (extraKeys.length > 0) {
        const extra = isPlainObject(node.schema.additionalProperties) ? node.schema.additionalProperties : undefined;
        for (const key of extraKeys.sort()) {
          if (!extra) throw new Error(`${[...this.path, key].join("/")} is not in the public schema ${node.file}`);
          this.path.push(key);
          out[key] = this.value(value[key], extra, node.file);
          this.path.pop();
        }
      }
      return out;
    }
    return value;
  }

  record(type: RecordType, data: Record<string, unknown>): Record<string, unknown> {
    const file = RECORD_TYPES[type].schema;
    let lists = this.lists.get(type);
    if (!lists) this.lists.set(type, (lists = listProperties(type, this.schemas)));
    let defaults = this.defaults.get(type);
    if (!defaults) this.defaults.set(type, (defaults = defaultedProperties(type, this.schemas)));
    const withLists = { ...data };
    for (const name of lists) withLists[name] ??= [];
    for (const [name, value] of defaults) withLists[name] ??= value;
    let root = this.roots.get(file);
    if (!root) this.roots.set(file, (root = { $ref: file }));
    this.path.length = 0;
    this.path.push(`${type}:${String(data.id)}`);
    return this.value(withLists, root, file) as Record<string, unknown>;
  }
}
