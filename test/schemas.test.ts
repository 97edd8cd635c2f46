/**
 * Tests for the JSON Schemas in `schemas/`.
 *
 * - The schemas compile in ajv strict mode, are valid 2020-12 schemas, and describe every property.
 * - Fixtures in `test/schemas/<type>/valid/*.yaml` must validate; together they use every declared property.
 * - Fixtures in `test/schemas/<type>/invalid/*.yaml` must fail with exactly the errors their header states:
 *
 *       # yaml-language-server: $schema=../../../../schemas/<type>.schema.json
 *       # expect-keyword: required
 *       # expect-path: /participants/0
 *       # why: a participant needs a role
 *
 *   `expect-path` is ajv's `instancePath`, with the root written `/`. Several keyword/path pairs may be given
 *   when one change necessarily causes several errors (for example a failed `then` also reports `if`).
 * - Coverage: every required field, enum, `if`/`then`/`else`, `dependentRequired`, `contains` and `anyOf` rule,
 *   read from the schemas themselves, is triggered by at least one invalid fixture.
 */
import "./loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ErrorObject } from "ajv";
import { loadSchemaSet, readSchemas, type JsonSchema, type SchemaSet } from "../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../scripts/lib/record-types.ts";
import { PUBLISHERS_SCHEMA } from "../scripts/lib/schemas.ts";

const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "schemas");
const DEFS_FILE = "defs.schema.json";
const META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

/** Fewest fixtures per type: a minimal and a full valid record, and enough negative ones to cover the rules. */
const MIN_VALID = 2;
const MIN_INVALID: Record<RecordType, number> = { actor: 7, sanction: 7, incident: 4, meeting: 7, forum: 7, tombstone: 4 };

// ---------------------------------------------------------------------------------------------------------
// Schema loading

let loadError: unknown;
let loaded: SchemaSet | undefined;
try {
  loaded = loadSchemaSet();
} catch (error) {
  loadError = error;
}

/** The compiled schema set; fails the calling test with the load error if the schemas do not compile. */
function schemaSet(): SchemaSet {
  if (!loaded) throw new Error(`loadSchemaSet() failed: ${String(loadError)}`);
  return loaded;
}

const schemaFiles = [...readSchemas().keys()];

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: unknown): [string, unknown][] {
  return isSchemaObject(value) ? Object.entries(value) : [];
}

function pointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures

interface Expectation {
  keyword: string;
  /** ajv's instancePath: "" for the root. */
  path: string;
}

interface Fixture {
  type: RecordType;
  kind: "valid" | "invalid";
  /** File name, such as `missing-id.yaml`. */
  name: string;
  /** Path relative to `test/schemas`, for messages. */
  rel: string;
  data: unknown;
  expectations: Expectation[];
  why: string[];
  /** Problems with the file itself (header, YAML syntax); any problem fails the fixture's test. */
  problems: string[];
}

const expectedSchemaLine = (type: RecordType) => `# yaml-language-server: $schema=../../../../schemas/${RECORD_TYPES[type].schema}`;
const showPath = (instancePath: string) => (instancePath === "" ? "/" : instancePath);

function readFixture(type: RecordType, kind: Fixture["kind"], name: string): Fixture {
  const rel = `${type}/${kind}/${name}`;
  const text = fs.readFileSync(path.join(FIXTURES_DIR, rel), "utf8");
  const fixture: Fixture = { type, kind, name, rel, data: undefined, expectations: [], why: [], problems: [] };

  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  for (const line of lines) {
    if (!line.startsWith("#")) break;
    header.push(line);
  }
  if (header[0] !== expectedSchemaLine(type)) {
    fixture.problems.push(`the first line must be \`${expectedSchemaLine(type)}\``);
  }

  let pendingKeyword: string | undefined;
  for (const line of header.slice(1)) {
    const match = /^#\s*(expect-[a-z-]+|why)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) continue; // a free comment
    const [, key, value = ""] = match;
    if (key === "expect-keyword") {
      if (pendingKeyword !== undefined) fixture.problems.push(`expect-keyword \`${pendingKeyword}\` has no expect-path`);
      if (value === "") fixture.problems.push("empty expect-keyword");
      pendingKeyword = value;
    } else if (key === "expect-path") {
      if (pendingKeyword === undefined) fixture.problems.push(`expect-path \`${value}\` does not follow an expect-keyword`);
      else if (!value.startsWith("/")) fixture.problems.push(`expect-path \`${value}\` must start with "/" (write the root as "/")`);
      else fixture.expectations.push({ keyword: pendingKeyword, path: value === "/" ? "" : value });
      pendingKeyword = undefined;
    } else if (key === "why") {
      fixture.why.push(value);
    } else {
      fixture.problems.push(`unknown header \`${key}\` (only expect-keyword, expect-path and why)`);
    }
  }
  if (pendingKeyword !== undefined) fixture.problems.push(`expect-keyword \`${pendingKeyword}\` has no expect-path`);

  if (kind === "invalid") {
    if (fixture.expectations.length === 0) fixture.problems.push("a negative fixture needs at least one expect-keyword/expect-path pair");
    if (fixture.why.length === 0) fixture.problems.push("a negative fixture needs a `# why:` line");
  } else if (fixture.expectations.length > 0 || pendingKeyword !== undefined) {
    fixture.problems.push("a valid fixture must not state expected errors");
  }

  try {
    fixture.data = parse(text);
  } catch (error) {
    fixture.problems.push(`YAML does not parse: ${String(error)}`);
  }
  return fixture;
}

function listFixtures(type: RecordType, kind: Fixture["kind"]): Fixture[] {
  const dir = path.join(FIXTURES_DIR, type, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readFixture(type, kind, f));
}

const fixtures = new Map(
  RECORD_TYPE_NAMES.map((type) => [type, { valid: listFixtures(type, "valid"), invalid: listFixtures(type, "invalid") }] as const),
);

interface Outcome {
  valid: boolean;
  errors: ErrorObject[];
  /** The errors that match one of the fixture's stated keyword/path pairs. */
  stated: ErrorObject[];
}

const outcomes = new Map<Fixture, Outcome>();

/** Validates a fixture once against its type's schema. */
function outcome(fixture: Fixture): Outcome {
  let result = outcomes.get(fixture);
  if (!result) {
    // Compiled from the schema objects themselves (not the precompiled validators), so that an error's
    // parentSchema is the very object the coverage tests look for.
    const validate = schemaSet().ajv.getSchema(RECORD_TYPES[fixture.type].schema)!;
    const valid = validate(fixture.data) as boolean;
    const errors = [...(validate.errors ?? [])];
    const stated = errors.filter((e) => fixture.expectations.some((x) => x.keyword === e.keyword && x.path === e.instancePath));
    result = { valid, errors, stated };
    outcomes.set(fixture, result);
  }
  return result;
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => `${e.keyword} at ${showPath(e.instancePath)}: ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Schema walks

/** Property schemas in `if`/`then`/`else`/`allOf`/`anyOf` that refine a declared property, or are `true`/`false`, need no description. */
function missingDescriptions(schema: JsonSchema): string[] {
  const missing: string[] = [];
  const hasDescription = (node: JsonSchema) => typeof node.description === "string" && node.description.trim() !== "";

  const visitDefining = (node: unknown, at: string): void => {
    if (!isSchemaObject(node)) return;
    for (const [name, prop] of entries(node.properties)) {
      const where = pointer(at, "properties", name);
      if (!isSchemaObject(prop)) missing.push(`${where} (a boolean schema cannot carry a description)`);
      else {
        if (!hasDescription(prop)) missing.push(where);
        visitDefining(prop, where);
      }
    }
    for (const [name, def] of entries(node.$defs)) {
      const where = pointer(at, "$defs", name);
      if (isSchemaObject(def) && !hasDescription(def)) missing.push(where);
      visitDefining(def, where);
    }
    visitDefining(node.items, pointer(at, "items"));
    visitDefining(node.additionalProperties, pointer(at, "additionalProperties"));
    if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((item, i) => visitDefining(item, pointer(at, "prefixItems", i)));
    visitConditionals(node, at, new Set(Object.keys(isSchemaObject(node.properties) ? node.properties : {})));
  };

  const visitConditionals = (node: JsonSchema, at: string, declared: Set<string>): void => {
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((sub, i) => visitConditional(sub, pointer(at, key, i), declared));
    }
    for (const key of ["if", "then", "else", "not"]) visitConditional(node[key], pointer(at, key), declared);
    for (const [name, sub] of entries(node.dependentSchemas)) visitConditional(sub, pointer(at, "dependentSchemas", name), declared);
  };

  const visitConditional = (node: unknown, at: string, declared: Set<string>): void => {
    if (!isSchemaObject(node)) return;
    for (const [name, prop] of entries(node.properties)) {
      if (!isSchemaObject(prop) || declared.has(name)) continue; // true/false, or a refinement of a declared property
      const where = pointer(at, "properties", name);
      if (!hasDescription(prop)) missing.push(`${where} (declared only in a conditional)`);
      visitDefining(prop, where);
    }
    visitConditionals(node, at, new Set([...declared, ...Object.keys(isSchemaObject(node.properties) ? node.properties : {})]));
  };

  visitDefining(schema, "#");
  return missing;
}

type RuleKind = "required" | "enum" | "then" | "else" | "dependentRequired" | "contains" | "anyOf";

/** One rule a negative fixture should trigger: a required field, an enum, one branch of an if, and so on. */
interface Rule {
  file: string;
  at: string;
  node: JsonSchema;
  kind: RuleKind;
  /** The required field, or the property a dependentRequired entry depends on. */
  name?: string;
}

const describeRule = (r: Rule) =>
  `${r.file}${r.at} ${r.kind}${r.name === undefined ? "" : ` \`${r.name}\``}`;

/**
 * Every rule in a schema file. `if`, `not` and `contains` subschemas are conditions, not rules (a record is never
 * rejected for failing them alone), so they are not walked; the `contains` keyword itself is a rule.
 */
function collectRules(file: string, schema: JsonSchema): Rule[] {
  const rules: Rule[] = [];
  const visit = (node: unknown, at: string): void => {
    if (!isSchemaObject(node)) return;
    if (Array.isArray(node.required)) for (const name of node.required) rules.push({ file, at, node, kind: "required", name: String(name) });
    if (Array.isArray(node.enum)) rules.push({ file, at, node, kind: "enum" });
    if ("if" in node && "then" in node) rules.push({ file, at, node, kind: "then" });
    if ("if" in node && "else" in node) rules.push({ file, at, node, kind: "else" });
    for (const [name] of entries(node.dependentRequired)) rules.push({ file, at, node, kind: "dependentRequired", name });
    if ("contains" in node) rules.push({ file, at, node, kind: "contains" });
    if (Array.isArray(node.anyOf)) rules.push({ file, at, node, kind: "anyOf" });

    for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
      for (const [name, sub] of entries(node[key])) visit(sub, pointer(at, key, name));
    }
    for (const key of ["items", "additionalProperties", "then", "else"]) visit(node[key], pointer(at, key));
    for (const key of ["prefixItems", "allOf", "anyOf", "oneOf"]) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((sub, i) => visit(sub, pointer(at, key, i)));
    }
  };
  visit(schema, "#");
  return rules;
}

/** Whether an ajv error was produced by the rule (matched by schema object identity, which ajv keeps with `verbose`). */
function triggers(rule: Rule, error: ErrorObject): boolean {
  if (error.parentSchema !== rule.node) return false;
  switch (rule.kind) {
    case "required":
      return error.keyword === "required" && error.params.missingProperty === rule.name;
    case "dependentRequired":
      return error.keyword === "dependentRequired" && error.params.property === rule.name;
    case "then":
    case "else":
      return error.keyword === "if" && error.params.failingKeyword === rule.kind;
    default:
      return error.keyword === rule.kind;
  }
}

/** Stated errors of every negative fixture of the given types. */
function statedErrors(types: readonly RecordType[]): ErrorObject[] {
  return types.flatMap((type) => (fixtures.get(type)?.invalid ?? []).flatMap((f) => outcome(f).stated));
}

/** Resolves a `$ref` such as `defs.schema.json#/$defs/date` or `#/$defs/position`. */
function resolveRef(file: string, ref: string): [string, unknown] {
  const [target = "", fragment = ""] = ref.split("#");
  const targetFile = target === "" ? file : target;
  let node: unknown = schemaSet().schemas.get(targetFile);
  for (const segment of fragment.split("/").slice(1)) {
    node = isSchemaObject(node) ? node[segment.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  if (node === undefined) throw new Error(`cannot resolve ${ref} from ${file}`);
  return [targetFile, node];
}

/** Every property a record may carry, as paths with `*` for list items, such as `/positions/*\/end`. */
function declaredPropertyPaths(file: string, node: unknown, prefix = "", out = new Set<string>(), depth = 0): Set<string> {
  if (!isSchemaObject(node) || depth > 20) return out;
  if (typeof node.$ref === "string") {
    const [targetFile, target] = resolveRef(file, node.$ref);
    declaredPropertyPaths(targetFile, target, prefix, out, depth + 1);
  }
  for (const [name, prop] of entries(node.properties)) {
    out.add(`${prefix}/${name}`);
    declaredPropertyPaths(file, prop, `${prefix}/${name}`, out, depth + 1);
  }
  declaredPropertyPaths(file, node.items, `${prefix}/*`, out, depth + 1);
  return out;
}

function usedPropertyPaths(value: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) usedPropertyPaths(item, `${prefix}/*`, out);
  else if (isSchemaObject(value)) {
    for (const [name, sub] of Object.entries(value)) {
      out.add(`${prefix}/${name}`);
      usedPropertyPaths(sub, `${prefix}/${name}`, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Tests

describe("schemas", () => {
  it("all compile in ajv strict mode (loadSchemaSet does not throw)", () => {
    expect(() => loadSchemaSet()).not.toThrow();
  });

  it("cover exactly the files in schemas/: the shared defs, one schema per record type and the publishers registry's", () => {
    const expected = [DEFS_FILE, PUBLISHERS_SCHEMA, ...RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].schema)].sort();
    expect([...schemaFiles].sort()).toEqual(expected);
  });

  describe.each(schemaFiles)("%s", (file) => {
    it("compiles on its own in strict mode", () => {
      const { ajv } = schemaSet();
      expect(() => ajv.getSchema(file)).not.toThrow();
      expect(ajv.getSchema(file)).toBeTypeOf("function");
    });

    it("is valid against the JSON Schema 2020-12 meta-schema", () => {
      const { ajv, schemas } = schemaSet();
      const schema = schemas.get(file);
      const valid = ajv.validateSchema(schema as JsonSchema);
      expect(valid ? [] : ajv.errors, `${file} is not a valid 2020-12 schema`).toEqual([]);
      expect(valid).toBe(true);
    });

    it("declares the 2020-12 dialect and an $id equal to its file name", () => {
      const schema = schemaSet().schemas.get(file);
      expect(schema?.$schema).toBe(META_SCHEMA);
      expect(schema?.$id).toBe(file);
    });

    it("gives every property at every level a description", () => {
      const schema = schemaSet().schemas.get(file) as JsonSchema;
      expect(missingDescriptions(schema)).toEqual([]);
    });
  });
});

describe.each(RECORD_TYPE_NAMES)("%s fixtures", (type) => {
  const { valid, invalid } = fixtures.get(type)!;
  const schemaFile = RECORD_TYPES[type].schema;

  it(`has at least ${MIN_VALID} valid and ${MIN_INVALID[type]} invalid fixtures, and nothing else`, () => {
    expect(valid.length).toBeGreaterThanOrEqual(MIN_VALID);
    expect(invalid.length).toBeGreaterThanOrEqual(MIN_INVALID[type]);
    const dir = path.join(FIXTURES_DIR, type);
    const stray = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => f !== "valid" && f !== "invalid" && !/^(valid|invalid)\/[^/]+\.yaml$/.test(f));
    expect(stray, "only valid/*.yaml and invalid/*.yaml belong here").toEqual([]);
  });

  describe("valid", () => {
    for (const fixture of valid) {
      it(`${fixture.name} validates against ${schemaFile}`, () => {
        expect(fixture.problems).toEqual([]);
        const result = outcome(fixture);
        expect(formatErrors(result.errors), `${fixture.rel} should be valid`).toEqual([]);
        expect(result.valid).toBe(true);
      });
    }

    it("together use every property the schema declares, at every level", () => {
      const declared = declaredPropertyPaths(schemaFile, schemaSet().schemas.get(schemaFile));
      const used = new Set<string>();
      for (const fixture of valid) usedPropertyPaths(fixture.data, "", used);
      expect([...declared].filter((p) => !used.has(p)).sort()).toEqual([]);
    });
  });

  describe("invalid", () => {
    for (const fixture of invalid) {
      const stated = fixture.expectations.map((x) => `${x.keyword} at ${showPath(x.path)}`).join(", ") || "(nothing stated)";
      it(`${fixture.name} is rejected with exactly: ${stated}`, () => {
        expect(fixture.problems, `${fixture.rel} header`).toEqual([]);
        const result = outcome(fixture);
        expect(result.valid, `${fixture.rel} should not validate`).toBe(false);
        const actual = new Set(result.errors.map((e) => `${e.keyword} at ${showPath(e.instancePath)}`));
        const expected = new Set(fixture.expectations.map((x) => `${x.keyword} at ${showPath(x.path)}`));
        const report = `${fixture.rel} (${fixture.why.join(" ")}) produced:\n  ${formatErrors(result.errors).join("\n  ")}`;
        expect(
          { missing: [...expected].filter((p) => !actual.has(p)), unstated: [...actual].filter((p) => !expected.has(p)) },
          report,
        ).toEqual({ missing: [], unstated: [] });
      });
    }
  });

  describe("coverage", () => {
    it("every top-level required field is left out by some invalid fixture", () => {
      const root = schemaSet().schemas.get(schemaFile) as JsonSchema;
      const required = (root.required as string[] | undefined) ?? [];
      expect(required.length).toBeGreaterThan(0);
      const removed = new Set(
        statedErrors([type])
          .filter((e) => e.keyword === "required" && e.instancePath === "" && e.parentSchema === root)
          .map((e) => String(e.params.missingProperty)),
      );
      expect(required.filter((f) => !removed.has(f))).toEqual([]);
    });

    it("every top-level enum is violated by some invalid fixture", () => {
      const root = schemaSet().schemas.get(schemaFile) as JsonSchema;
      const enums = entries(root.properties)
        .filter(([, prop]) => isSchemaObject(prop) && Array.isArray(prop.enum))
        .map(([name]) => `/${name}`);
      const violated = new Set(statedErrors([type]).filter((e) => e.keyword === "enum").map((e) => e.instancePath));
      expect(enums.filter((p) => !violated.has(p))).toEqual([]);
    });

    it(`every required, enum, if/then/else, dependentRequired, contains and anyOf rule in ${schemaFile} is triggered by some invalid fixture`, () => {
      const rules = collectRules(schemaFile, schemaSet().schemas.get(schemaFile) as JsonSchema);
      const errors = statedErrors([type]);
      expect(rules.filter((r) => !errors.some((e) => triggers(r, e))).map(describeRule)).toEqual([]);
    });
  });
});

describe(`${DEFS_FILE} coverage`, () => {
  it("every required, enum, if/then/else, dependentRequired, contains and anyOf rule in the shared defs is triggered by some invalid fixture", () => {
    const rules = collectRules(DEFS_FILE, schemaSet().schemas.get(DEFS_FILE) as JsonSchema);
    const errors = statedErrors(RECORD_TYPE_NAMES);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => !errors.some((e) => triggers(r, e))).map(describeRule)).toEqual([]);
  });
});
