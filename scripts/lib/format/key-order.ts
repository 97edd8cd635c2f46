import { resolveRef, type JsonSchema } from "../schemas.ts";

/**
 * The canonical key order of the mapping at a path in a record: the order in which the schema lists the
 * properties. Resolves `properties`, `items`, local and shared `$ref`s and `allOf`, so nested objects
 * (positions, sources, editions…) are ordered by their own definitions. Unknown keys go last, sorted.
 */
export function keyOrderFor(schemaFile: string, schemas: Map<string, JsonSchema>): (path: readonly string[]) => string[] {
  const cache = new Map<string, string[]>();
  const deref = (s: JsonSchema, file: string): Array<{ s: JsonSchema; file: string }> => {
    const out: Array<{ s: JsonSchema; file: string }> = [{ s, file }];
    if (typeof s.$ref === "string") {
      const target = resolveRef(s.$ref, file, schemas);
      if (target) out.push(...deref(target.schema, target.file));
    }
    for (const sub of (s.allOf ?? []) as JsonSchema[]) out.push(...deref(sub, file));
    return out;
  };
  return (path) => {
    const key = path.join("/");
    const hit = cache.get(key);
    if (hit) return hit;
    let level = deref(schemas.get(schemaFile) ?? {}, schemaFile);
    for (const seg of path) {
      const next: Array<{ s: JsonSchema; file: string }> = [];
      for (const { s, file } of level) {
        const sub = seg === "*" ? s.items : (s.properties as Record<string, JsonSchema> | undefined)?.[seg];
        if (sub && typeof sub === "object") next.push(...deref(sub as JsonSchema, file));
      }
      level = next;
    }
    const order: string[] = [];
    for (const { s } of level) for (const k of Object.keys((s.properties ?? {}) as object)) if (!order.includes(k)) order.push(k);
    cache.set(key, order);
    return order;
  };
}
