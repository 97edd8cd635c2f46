import { resolveRef, type JsonSchema } from "./schemas.ts";

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
        const target = resolveRef(s.$ref, file, schemas);
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
  const out: Array<{ pointer: string; value: unknown }> = [];
  collect(data, path, 0, "", out);
  return out;
}

// Recursive descent that allocates only for values found: checks call this for every path of every
// record, and most paths are absent from most records.
function collect(value: unknown, path: readonly string[], i: number, pointer: string, out: Array<{ pointer: string; value: unknown }>): void {
  if (value === undefined) return;
  if (i === path.length) {
    out.push({ pointer, value });
    return;
  }
  const seg = path[i]!;
  if (seg === "*") {
    if (Array.isArray(value)) for (let k = 0; k < value.length; k++) collect(value[k], path, i + 1, `${pointer}/${k}`, out);
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, seg)) {
    collect((value as Record<string, unknown>)[seg], path, i + 1, `${pointer}/${seg}`, out);
  }
}
