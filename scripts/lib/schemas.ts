import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "./record-types.ts";
import { ROOT, SCHEMAS_DIR } from "./paths.ts";

// ajv, ajv-formats and ajv's standalone code generator (all CommonJS) are loaded when first used: a run
// whose validators are precompiled (see precompiledValidators) never uses them, and loading them took
// about 40 ms of every command's start-up.
const requireHere = createRequire(import.meta.url);
type AddFormats = (ajv: Ajv2020) => Ajv2020;
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
/** A CommonJS module's export, unwrapped if it arrives as `default`. */
const unwrapped = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const ajvClass = (): typeof Ajv2020 => (requireHere("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 }).Ajv2020;
export const addFormats: AddFormats = (ajv) => unwrapped<AddFormats>(requireHere("ajv-formats"))(ajv);
const standaloneCode: StandaloneCode = (ajv, refs) => unwrapped<StandaloneCode>(requireHere("ajv/dist/standalone/index.js"))(ajv, refs);

export type JsonSchema = Record<string, unknown>;

/** Reads every `*.schema.json` in the folder, keyed by file name (which is also each schema's `$id`). */
export function readSchemas(dir: string = SCHEMAS_DIR): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort()) {
    schemas.set(file, JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as JsonSchema);
  }
  return schemas;
}

const AJV_OPTIONS = { strict: true, allErrors: true, allowUnionTypes: true, verbose: true } as const;
/** Annotation naming the record types a reference may point to; read by the reference checks. */
const REFERS_TO = { keyword: "x-refers-to", schemaType: "array", metaSchema: { type: "array", items: { enum: ["actor", "sanction", "incident", "meeting", "forum", "edition"] } } } as const;

/**
 * An ajv instance in strict mode with every schema added. `allErrors` so one run reports every problem;
 * union types are allowed because a claim's value may be a string, number or boolean.
 */
export function createAjv(schemas: Map<string, JsonSchema> = readSchemas(), options: { source?: boolean } = {}): Ajv2020 {
  const Ajv = ajvClass();
  const ajv = new Ajv({ ...AJV_OPTIONS, ...(options.source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  ajv.addKeyword(structuredClone(REFERS_TO) as unknown as Parameters<Ajv2020["addKeyword"]>[0]);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

/** The schema of the publishers registry (`data/publishers.yaml`), precompiled beside the record validators. */
export const PUBLISHERS_SCHEMA = "publishers.schema.json";

export interface SchemaSet {
  /** The folder the schemas were read from, so a worker thread can load the same set. */
  dir: string;
  /** An ajv instance with every schema added, compiled on first use. */
  readonly ajv: Ajv2020;
  schemas: Map<string, JsonSchema>;
  validators: Record<RecordType, ValidateFunction>;
  /** The publishers registry's validator: precompiled with the record validators, else compiled on first use. */
  readonly publishersValidator: ValidateFunction | undefined;
  /** Whether the validators came precompiled from `GENERATED_VALIDATORS_FILE` rather than compiled now. */
  precompiled: boolean;
}

/**
 * The record validators compiled ahead of time by ajv's standalone code generator: loading them takes
 * milliseconds where compiling takes a few hundred, which every run and every worker thread would pay.
 */
export const GENERATED_VALIDATORS_FILE = "scripts/lib/validators.generated.cjs";

/**
 * A fingerprint of what the validators are compiled from — the schemas, the ajv options and keywords
 * (`setup`; the record validators' by default), and the versions of ajv and ajv-formats — written into
 * the generated validators to tell whether they are current.
 */
export function schemasHash(schemas: ReadonlyMap<string, JsonSchema>, setup: Record<string, unknown> = { options: AJV_OPTIONS, keyword: REFERS_TO }): string {
  const hash = createHash("sha256");
  const version = (pkg: string): string => (createRequire(import.meta.url)(`${pkg}/package.json`) as { version: string }).version;
  hash.update(JSON.stringify({ ajv: version("ajv"), ajvFormats: version("ajv-formats"), ...setup }));
  for (const [file, schema] of [...schemas].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${file}\0${JSON.stringify(schema)}\0`);
  return hash.digest("hex");
}

/**
 * `maxLength` and `minLength` count characters (code points), so ajv's code counts them with a loop over
 * every UTF-16 unit of the string — for `minLength: 1` too, and once per keyword: on records holding
 * thousands of characters of text, most of the schema's time. A string of n units holds between ⌈n/2⌉
 * and n code points, so `.length` decides each comparison unless n is near the limit, and only then
 * is the count made: `count(s) > N` becomes `s.length > N && count(s) > N`, and `count(s) < N` becomes
 * `s.length < N || (s.length < 2N && count(s) < N)`, the same verdicts (tested against validators
 * compiled at run time). Code without ajv's counter is returned as it is.
 */
export function lengthsFromUnits(code: string): string {
  const counter = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/.exec(code)?.[1];
  if (!counter) return code;
  return code.replace(new RegExp(`\\b${counter}\\((data\\d*)\\) ([<>]) (\\d+)\\b`, "g"), (_, data: string, op: string, limit: string) =>
    op === ">" ? `(${data}.length > ${limit} && ${counter}(${data}) > ${limit})` : `(${data}.length < ${limit} || (${data}.length < ${2 * Number(limit)} && ${counter}(${data}) < ${limit}))`,
  );
}

/**
 * The code of a module exporting a validator for each schema `refs` names: ajv's standalone code (the
 * ajv made with `code: { source: true }`), with lengthsFromUnits.
 */
export function standaloneModule(ajv: Ajv2020, refs: Record<string, string>): string {
  return lengthsFromUnits(standaloneCode(ajv, refs));
}

/** Each record type with its schema's file: the validators a generated module exports. */
export const RECORD_SCHEMA_REFS: Readonly<Record<RecordType, string>> = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, RECORD_TYPES[t].schema])) as Record<RecordType, string>;

/**
 * The text of a generated module of validators: its banner, the module of standaloneModule for `refs`,
 * and the `schemasHash` it was made for (which generatedValidators compares).
 */
export function generatedModuleText(banner: string, ajv: Ajv2020, refs: Record<string, string>, hash: string): string {
  return `${banner}\n${standaloneModule(ajv, refs)}\nexports.schemasHash = ${JSON.stringify(hash)};\n`;
}

/** The text of GENERATED_VALIDATORS_FILE for these schemas (CommonJS, as ajv's standalone code is). */
export function standaloneValidators(schemas: Map<string, JsonSchema>): string {
  const banner = `// Generated — do not edit; run \`npm run types\`. The record validators (and the publishers registry's), compiled from schemas/ by ajv's
// standalone code generator (characters counted only where a string's length does not decide a maxLength or minLength:
// lengthsFromUnits in scripts/lib/schemas.ts). When schemas/, the ajv options or the ajv versions no longer match
// \`schemasHash\`, the validators are compiled at run time instead, and \`npm run types -- --check\`
// fails until this file is regenerated.`;
  const refs = { ...RECORD_SCHEMA_REFS, ...(schemas.has(PUBLISHERS_SCHEMA) ? { publishers: PUBLISHERS_SCHEMA } : {}) };
  return generatedModuleText(banner, createAjv(schemas, { source: true }), refs, schemasHash(schemas));
}

/**
 * A generated module of validators (GENERATED_VALIDATORS_FILE, or the build's PUBLIC_VALIDATORS_FILE)
 * when it exists, was made for `hash` (its `schemasHash`) and holds a validator for every record type;
 * undefined otherwise, and the caller compiles at run time.
 */
export function generatedValidators(file: string, hash: string): { records: Record<RecordType, ValidateFunction>; module: Record<string, unknown> } | undefined {
  const abs = path.join(ROOT, file);
  if (!fs.existsSync(abs)) return undefined;
  const module = createRequire(import.meta.url)(abs) as Record<string, unknown>;
  if (module.schemasHash !== hash || RECORD_TYPE_NAMES.some((t) => typeof module[t] !== "function")) return undefined;
  return { records: Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, module[t]])) as Record<RecordType, ValidateFunction>, module };
}

/** The precompiled validators, when they were generated from exactly these schemas. */
function precompiledValidators(schemas: ReadonlyMap<string, JsonSchema>): { records: Record<RecordType, ValidateFunction>; publishers?: ValidateFunction } | undefined {
  const generated = generatedValidators(GENERATED_VALIDATORS_FILE, schemasHash(schemas));
  if (!generated) return undefined;
  const publishers = generated.module.publishers;
  return { records: generated.records, ...(typeof publishers === "function" ? { publishers: publishers as ValidateFunction } : {}) };
}

/**
 * One validator per record type: precompiled when the generated file matches the schemas, compiled
 * now otherwise. Throws if a schema does not compile in strict mode.
 */
export function loadSchemaSet(dir: string = SCHEMAS_DIR): SchemaSet {
  const schemas = readSchemas(dir);
  let ajv: Ajv2020 | undefined;
  const getAjv = (): Ajv2020 => (ajv ??= createAjv(schemas));
  const ready = precompiledValidators(schemas);
  let validators = ready?.records;
  if (!validators) {
    validators = {} as Record<RecordType, ValidateFunction>;
    for (const type of RECORD_TYPE_NAMES) {
      const validate = getAjv().getSchema(RECORD_TYPES[type].schema);
      if (!validate) throw new Error(`schema ${RECORD_TYPES[type].schema} is missing from ${dir}`);
      validators[type] = validate;
    }
  }
  return {
    dir,
    get ajv() {
      return getAjv();
    },
    get publishersValidator() {
      return ready?.publishers ?? getAjv().getSchema(PUBLISHERS_SCHEMA);
    },
    schemas,
    validators,
    precompiled: ready !== undefined,
  };
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

/**
 * Follows a chain of `$ref`s (at most ten) to the schema that defines a value, with the file it lies in.
 * `onHop` sees each referring schema on the way. When a `$ref` does not resolve, the walk stops there:
 * `unresolved` names it and `schema` is the schema that holds it.
 */
export function followRefs(schema: JsonSchema, file: string, schemas: ReadonlyMap<string, JsonSchema>, onHop?: (referring: JsonSchema, ref: string, at: string) => void): { schema: JsonSchema; file: string; unresolved?: string } {
  let node = schema;
  let at = file;
  for (let i = 0; i < 10 && typeof node.$ref === "string"; i++) {
    onHop?.(node, node.$ref, at);
    const target = resolveRef(node.$ref, at, schemas);
    if (!target) return { schema: node, file: at, unresolved: node.$ref };
    ({ schema: node, file: at } = target);
  }
  return { schema: node, file: at };
}

const idRules = new WeakMap<ReadonlyMap<string, JsonSchema>, { min: number; max: number; pattern: RegExp }>();

/** Whether a string is a valid record id, by the shared `id` definition (pattern and length). */
export function isValidId(id: string, schemas: ReadonlyMap<string, JsonSchema>): boolean {
  let rule = idRules.get(schemas);
  if (!rule) {
    const def = ((schemas.get("defs.schema.json")?.$defs ?? {}) as Record<string, JsonSchema>).id ?? {};
    rule = { min: typeof def.minLength === "number" ? def.minLength : 1, max: typeof def.maxLength === "number" ? def.maxLength : Infinity, pattern: new RegExp(String(def.pattern ?? ".")) };
    idRules.set(schemas, rule);
  }
  return id.length >= rule.min && id.length <= rule.max && rule.pattern.test(id);
}
