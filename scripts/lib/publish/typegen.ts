/**
 * TypeScript types from the schemas, with json-schema-to-typescript: the source record types (what
 * `data/` holds) and the published types (what a release holds, from public-schemas.ts). One file,
 * scripts/lib/types.generated.ts, used by the scripts and shipped in the package.
 *
 * The schemas are bundled into one document first, every `$ref` replaced by the name of the type it
 * points to, so that each definition becomes exactly one named type (json-schema-to-typescript would
 * otherwise mint `Text1`…`Text22` for each `$ref` that carries its own description). Rules that only
 * validate (`if`/`then`/`else`, `contains`, `dependentRequired`, `anyOf` of required fields) are left
 * out: they narrow values, not shapes.
 */
import { isDeepStrictEqual } from "node:util";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import { DEFS_FILE } from "./public-schemas.ts";
import { isPlainObject } from "./json.ts";

export const GENERATED_TYPES_FILE = "scripts/lib/types.generated.ts";

export const BANNER = `/**
 * Generated — do not edit; run \`npm run types\`.
 *
 * Types of the source records (schemas/*.schema.json) and of the published records (the public
 * schemas the build derives from them, scripts/lib/publish/public-schemas.ts). \`npm run types -- --check\`
 * fails when this file is out of date.
 */
/* eslint-disable */`;

const VALIDATION_ONLY = new Set(["allOf", "anyOf", "oneOf", "if", "then", "else", "contains", "dependentRequired", "$id", "$schema", "$comment", "$defs", "examples", "x-refers-to", "x-derived"]);

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

type SetName = "source" | "public";
interface Entry {
  name: string;
  schema: JsonSchema;
  set: SetName;
  file: string;
}

/** Assigns a type name to every record schema and definition of both sets. */
function nameEntries(source: Map<string, JsonSchema>, pub: Map<string, JsonSchema>): { entries: Entry[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const entries: Entry[] = [];
  const taken = new Set<string>();
  const add = (key: string, name: string, schema: JsonSchema, set: SetName, file: string): void => {
    if (taken.has(name)) throw new Error(`two schema definitions would both be named ${name}; give one a distinct title`);
    taken.add(name);
    names.set(key, name);
    entries.push({ name, schema, set, file });
  };
  const defsOf = (s: JsonSchema | undefined): Record<string, JsonSchema> => (s?.$defs ?? {}) as Record<string, JsonSchema>;
  // Source: records first, then their local definitions, then the shared ones.
  for (const t of RECORD_TYPE_NAMES) {
    const file = RECORD_TYPES[t].schema;
    const s = source.get(file)!;
    add(`source:${file}#`, pascal(String(s.title)), s, "source", file);
  }
  for (const [file, s] of source) for (const [def, d] of Object.entries(defsOf(s))) add(`source:${file}#/$defs/${def}`, pascal(String(d.title ?? def)), d, "source", file);
  // Public: records are new types; a local definition equal to its source keeps the source's type.
  for (const [file, s] of pub) {
    if (file === DEFS_FILE) {
      // The public shared definitions differ from the source ones only in string constraints.
      for (const def of Object.keys(defsOf(s))) names.set(`public:${file}#/$defs/${def}`, names.get(`source:${file}#/$defs/${def}`)!);
      continue;
    }
    const isRecord = source.has(file);
    add(`public:${file}#`, isRecord ? `Published${pascal(String(s.title))}` : pascal(String(s.title)), s, "public", file);
    for (const [def, d] of Object.entries(defsOf(s))) {
      const sourceDef = defsOf(source.get(file))[def];
      const key = `public:${file}#/$defs/${def}`;
      if (sourceDef && isDeepStrictEqual(sourceDef, d)) names.set(key, names.get(`source:${file}#/$defs/${def}`)!);
      else add(key, `${sourceDef ? "Published" : ""}${pascal(String(d.title ?? def))}`, d, "public", file);
    }
  }
  return { entries, names };
}

/** A schema node with `$ref`s turned into named types and validation-only keywords dropped. */
function convert(node: unknown, set: SetName, file: string, names: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, set, file, names));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key)) continue;
    if (key === "$ref" && typeof value === "string") {
      const [doc, pointer = ""] = value.split("#");
      const name = names.get(`${set}:${doc || file}#${pointer}`);
      if (!name) throw new Error(`no type for $ref ${value} in ${set} ${file}`);
      out.tsType = name;
      continue;
    }
    if (key === "readOnly") continue;
    out[key] = key === "properties" && isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, set, file, names)])) : convert(value, set, file, names);
  }
  return out;
}

/** The generated file's full text. Deterministic: the same schemas give the same bytes. */
export async function generateTypes(source: Map<string, JsonSchema>, pub: Map<string, JsonSchema>): Promise<string> {
  const { entries, names } = nameEntries(source, pub);
  const options = {
    bannerComment: "",
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true,
    format: true,
    style: { printWidth: 140, singleQuote: false, trailingComma: "all" as const },
  };
  // One declaration per compile: every reference to another definition is already a named type.
  const union = { title: "SidelinesRecord", description: "Any source record.", tsType: RECORD_TYPE_NAMES.map((t) => names.get(`source:${RECORD_TYPES[t].schema}#`)).join(" | ") };
  const parts = [await compile(union as unknown as JSONSchema, "SidelinesRecord", options)];
  for (const e of entries) {
    const schema = { ...(convert(e.schema, e.set, e.file, names) as Record<string, unknown>), title: e.name };
    parts.push(await compile(schema as JSONSchema, e.name, options));
  }
  return `${BANNER}\n\n${parts.map((p) => p.trim()).join("\n\n")}\n`;
}
