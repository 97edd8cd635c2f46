import { resolveRef, type JsonSchema } from "../schemas.ts";
import { append } from "../collections.ts";

type Level = Array<{ s: JsonSchema; file: string }>;

/**
 * The schemas that describe the value at a path in a record (`*` for a list item): `properties`,
 * `items`, local and shared `$ref`s and `allOf` resolved, so nested objects (positions, sources,
 * editions…) are described by their own definitions. Cached per path.
 */
function schemasAt(schemaFile: string, schemas: Map<string, JsonSchema>): (path: readonly string[]) => Level {
  const cache = new Map<string, Level>();
  const deref = (s: JsonSchema, file: string): Level => {
    const out: Level = [{ s, file }];
    if (typeof s.$ref === "string") {
      const target = resolveRef(s.$ref, file, schemas);
      if (target) append(out, deref(target.schema, target.file));
    }
    for (const sub of (s.allOf ?? []) as JsonSchema[]) append(out, deref(sub, file));
    return out;
  };
  return (path) => {
    const key = path.join("/");
    const hit = cache.get(key);
    if (hit) return hit;
    let level = deref(schemas.get(schemaFile) ?? {}, schemaFile);
    for (const seg of path) {
      const next: Level = [];
      for (const { s, file } of level) {
        const sub = seg === "*" ? s.items : (s.properties as Record<string, JsonSchema> | undefined)?.[seg];
        if (sub && typeof sub === "object") append(next, deref(sub as JsonSchema, file));
      }
      level = next;
    }
    cache.set(key, level);
    return level;
  };
}

/**
 * The canonical key order of the mapping at a path in a record: the order in which the schema lists the
 * properties. Unknown keys go last.
 */
export function keyOrderFor(schemaFile: string, schemas: Map<string, JsonSchema>): (path: readonly string[]) => string[] {
  const at = schemasAt(schemaFile, schemas);
  const cache = new Map<string, string[]>();
  return (path) => {
    const key = path.join("/");
    let order = cache.get(key);
    if (!order) {
      order = [];
      for (const { s } of at(path)) for (const k of Object.keys((s.properties ?? {}) as object)) if (!order.includes(k)) order.push(k);
      cache.set(key, order);
    }
    return order;
  };
}

/** The JSON types the schema allows at a path (`string`, `number`…); empty when it does not say. */
export function typesFor(schemaFile: string, schemas: Map<string, JsonSchema>): (path: readonly string[]) => Set<string> {
  const at = schemasAt(schemaFile, schemas);
  return (path) => new Set(at(path).flatMap(({ s }) => (Array.isArray(s.type) ? s.type.map(String) : typeof s.type === "string" ? [s.type] : [])));
}
