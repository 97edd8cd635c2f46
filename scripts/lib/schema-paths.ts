import type { JsonSchema } from "./schemas.ts";

/**
 * Where in a record each kind of special value sits, read off the schemas so that the checks never
 * restate them: references (with the types they may point to), partial dates, URLs and country codes.
 * A path is a list of keys with `*` for "every list item".
 */
export interface FieldPaths {
  refs: Array<{ path: string[]; targets: string[] }>;
  dates: string[][];
  urls: string[][];
  countries: string[][];
}

const DEF_KIND: Record<string, keyof Omit<FieldPaths, "refs"> | "ref"> = {
  "defs.schema.json#/$defs/ref": "ref",
  "defs.schema.json#/$defs/date": "dates",
  "defs.schema.json#/$defs/url": "urls",
  "defs.schema.json#/$defs/country": "countries",
};

function resolve(ref: string, file: string, schemas: Map<string, JsonSchema>): { schema: JsonSchema; file: string } | undefined {
  const [docPart, pointer = ""] = ref.split("#");
  const docName = docPart || file;
  let node: unknown = schemas.get(docName);
  for (const seg of pointer.split("/").filter(Boolean)) node = (node as JsonSchema | undefined)?.[seg];
  return node && typeof node === "object" ? { schema: node as JsonSchema, file: docName } : undefined;
}

/** Walks a record type's schema (properties, items, local and shared `$ref`s, if/then branches). */
export function fieldPaths(schemaFile: string, schemas: Map<string, JsonSchema>): FieldPaths {
  const out: FieldPaths = { refs: [], dates: [], urls: [], countries: [] };
  const seen = new Set<string>();
  const visit = (schema: unknown, file: string, path: string[]): void => {
    if (!schema || typeof schema !== "object" || path.length > 12) return;
    const s = schema as JsonSchema;
    const key = `${file}|${path.join("/")}|${JSON.stringify(s).length}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (typeof s.$ref === "string") {
      const full = s.$ref.startsWith("#") ? `${file}${s.$ref}` : s.$ref;
      const kind = DEF_KIND[full];
      if (kind === "ref") out.refs.push({ path, targets: (s["x-refers-to"] as string[] | undefined) ?? [] });
      else if (kind) out[kind].push(path);
      else {
        const target = resolve(s.$ref, file, schemas);
        if (target) visit(target.schema, target.file, path);
      }
    }
    for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) visit(sub, file, [...path, k]);
    if (s.items) visit(s.items, file, [...path, "*"]);
    for (const group of ["allOf", "anyOf", "oneOf"] as const) for (const sub of (s[group] ?? []) as unknown[]) visit(sub, file, path);
  };
  visit(schemas.get(schemaFile), schemaFile, []);
  const uniq = (paths: string[][]): string[][] => [...new Map(paths.map((p) => [p.join("/"), p])).values()];
  return { refs: [...new Map(out.refs.map((r) => [r.path.join("/"), r])).values()], dates: uniq(out.dates), urls: uniq(out.urls), countries: uniq(out.countries) };
}

/** Every value in `data` at `path`, with its JSON pointer. */
export function valuesAt(data: unknown, path: readonly string[]): Array<{ pointer: string; value: unknown }> {
  return valuesAtUncached(data, path);
}

function valuesAtUncached(data: unknown, path: readonly string[]): Array<{ pointer: string; value: unknown }> {
  let current: Array<{ pointer: string; value: unknown }> = [{ pointer: "", value: data }];
  for (const seg of path) {
    const next: Array<{ pointer: string; value: unknown }> = [];
    for (const { pointer, value } of current) {
      if (seg === "*") {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ pointer: `${pointer}/${i}`, value: v }));
      } else if (value && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, seg)) {
        next.push({ pointer: `${pointer}/${seg}`, value: (value as Record<string, unknown>)[seg] });
      }
    }
    current = next;
  }
  return current.filter((c) => c.value !== undefined);
}
