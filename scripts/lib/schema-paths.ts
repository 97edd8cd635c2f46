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

/** A set of paths merged by common prefix, so that one walk of a record finds the values of all of them. */
interface PathTrie {
  /** Indexes of the paths that end here. */
  ends: number[];
  /** Keys and their subtries; `*` (every list item) is kept apart. */
  keys: Array<{ key: string; node: PathTrie }>;
  items?: PathTrie;
}

const tries = new WeakMap<readonly (readonly string[])[], PathTrie>();

function trieOf(paths: readonly (readonly string[])[]): PathTrie {
  let trie = tries.get(paths);
  if (!trie) {
    trie = { ends: [], keys: [] };
    paths.forEach((path, i) => {
      let node = trie!;
      for (const seg of path) {
        let next = seg === "*" ? node.items : node.keys.find((k) => k.key === seg)?.node;
        if (!next) {
          next = { ends: [], keys: [] };
          if (seg === "*") node.items = next;
          else node.keys.push({ key: seg, node: next });
        }
        node = next;
      }
      node.ends.push(i);
    });
    tries.set(paths, trie);
  }
  return trie;
}

/**
 * Calls `visit` for every value in `data` at any of `paths`, with the index of its path, in one walk of
 * the record (checks do this for every record, with up to a dozen paths per type). The JSON pointer is
 * built only when asked for, so a check that rarely reports allocates next to nothing. `paths` should be
 * a long-lived array, such as one of a `FieldPaths`: its merged form is cached on it.
 */
export function visitValuesAt(data: unknown, paths: readonly (readonly string[])[], visit: (value: unknown, path: number, pointer: () => string) => void): void {
  const segments: Array<string | number> = [];
  walkTrie(data, trieOf(paths), segments, () => segments.map((s) => `/${s}`).join(""), visit);
}

function walkTrie(value: unknown, node: PathTrie, segments: Array<string | number>, pointer: () => string, visit: (value: unknown, path: number, pointer: () => string) => void): void {
  if (value === undefined) return;
  for (let i = 0; i < node.ends.length; i++) visit(value, node.ends[i]!, pointer);
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    if (!node.items) return;
    for (let k = 0; k < value.length; k++) {
      segments.push(k);
      walkTrie(value[k], node.items, segments, pointer, visit);
      segments.pop();
    }
    return;
  }
  for (let i = 0; i < node.keys.length; i++) {
    const { key, node: child } = node.keys[i]!;
    if (!Object.hasOwn(value, key)) continue;
    segments.push(key);
    walkTrie((value as Record<string, unknown>)[key], child, segments, pointer, visit);
    segments.pop();
  }
}
