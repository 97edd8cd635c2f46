import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics.ts";
import { SCHEMA_CODES, type SchemaCode } from "../codes.ts";
import { nearest } from "./suggest.ts";
import { escapeSegment, unescapeSegment } from "../json-pointer.ts";
import { followRefs } from "../schemas.ts";

type Schema = Record<string, unknown>;
export type Locate = (pointer: string, options?: { key?: boolean }) => { line: number; col: number };

/** A schema problem before it is placed in a file. */
interface Finding {
  code: SchemaCode;
  pointer: string;
  atKey: boolean;
  message: string;
  tip?: string;
}

const q = (v: unknown): string => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
const list = (vs: readonly unknown[]): string => vs.map(q).join(", ");
const lastSegment = (pointer: string): string => unescapeSegment(pointer.split("/").pop()!);
const fieldName = (pointer: string): string => (pointer === "" ? "the record" : q(pointer.slice(1)));

function typeOfValue(v: unknown): string {
  if (v === null) return "nothing (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number") return Number.isInteger(v) ? "a whole number" : "a number";
  if (typeof v === "boolean") return "true/false";
  return "text";
}

const TYPE_WORDS: Record<string, string> = { string: "text", integer: "a whole number", number: "a number", boolean: "true or false", array: "a list", object: "a mapping", null: "nothing" };

/** First sentence of a description, for hints. */
function firstSentence(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^(.*?[.!?])(\s|$)/s.exec(text);
  return (m?.[1] ?? text).trim();
}

/** Describes an `if` schema as a condition: "when `kind` is `person`". */
function describeCondition(ifSchema: unknown, negate: boolean): string {
  const props = (ifSchema as Schema | undefined)?.properties as Record<string, Schema> | undefined;
  if (!props) return "";
  const parts = Object.entries(props).map(([k, s]) => {
    if ("const" in s) return `${q(k)} is ${negate ? "not " : ""}${q(s.const)}`;
    if (Array.isArray(s.enum)) return `${q(k)} is ${negate ? "not " : ""}${s.enum.map((v) => q(v)).join(" or ")}`;
    return `${q(k)} is set`;
  });
  return parts.length ? ` when ${parts.join(" and ")}` : "";
}

/** Walks a schema path like `#/allOf/0/then/required` to find the `if` it depends on, if any. */
function conditionFor(error: ErrorObject, root: Schema | undefined): string {
  const segs = error.schemaPath.replace(/^[^#]*#\/?/, "").split("/");
  // Only the innermost `then`/`else` in the same schema document matters for a message.
  const idx = Math.max(segs.lastIndexOf("then"), segs.lastIndexOf("else"));
  if (idx < 0 || !root || !error.schemaPath.startsWith("#")) return "";
  let node: unknown = root;
  for (const s of segs.slice(0, idx)) node = (node as Schema | undefined)?.[s];
  return describeCondition((node as Schema | undefined)?.if, segs[idx] === "else");
}

function isConditional(error: ErrorObject): boolean {
  return /\/(then|else)\//.test(error.schemaPath) || error.keyword === "dependentRequired";
}

/** Summarises the shape a `contains` asks for: "an item with `status` declined or cancelled and a `by`". */
function describeContains(schema: Schema): string {
  const props = (schema.properties ?? {}) as Record<string, Schema | boolean>;
  const required = (schema.required ?? []) as string[];
  const parts = required.map((k) => {
    const s = props[k];
    if (s && typeof s === "object" && Array.isArray(s.enum)) return `${q(k)} ${s.enum.join(" or ")}`;
    if (s && typeof s === "object" && "const" in s) return `${q(k)} ${String(s.const)}`;
    return `a ${q(k)}`;
  });
  return parts.join(" and ");
}

/** Where the schemas are, for following `$ref`s from the schema an error comes from. */
interface SchemaContext {
  schemas: ReadonlyMap<string, Schema>;
  /** The file the error's schema path starts in. */
  file: string;
}

/** The sibling field whose own fields include `key` (`location` for `city`), for "indent it under" hints. */
function ownerOf(key: string, parent: Schema | undefined, ctx: SchemaContext | undefined): string | undefined {
  if (!ctx) return undefined;
  for (const [name, sub] of Object.entries((parent?.properties ?? {}) as Record<string, Schema>)) {
    if (!sub || typeof sub !== "object") continue;
    const target = followRefs(sub, ctx.file, ctx.schemas).schema;
    const items = target.items && typeof target.items === "object" ? followRefs(target.items as Schema, ctx.file, ctx.schemas).schema : undefined;
    if (Object.hasOwn((target.properties ?? {}) as object, key) || Object.hasOwn((items?.properties ?? {}) as object, key)) return name;
  }
  return undefined;
}

function allowedKeys(parentSchema: unknown): string[] {
  return Object.keys(((parentSchema as Schema | undefined)?.properties ?? {}) as Schema);
}

/** Turns one ajv error into a finding in plain words, or undefined for errors that only repeat others. */
function explain(error: ErrorObject, rootSchema: Schema | undefined, ctx?: SchemaContext): Finding | undefined {
  const p = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Schema | undefined;
  const at = error.instancePath;
  switch (error.keyword) {
    case "if":
    case "anyOf":
    case "oneOf":
    case "contains":
      return undefined; // handled by grouping, or explained by the errors of the branch taken
    case "required": {
      const missing = String(p.missingProperty);
      const when = conditionFor(error, rootSchema);
      const code: SchemaCode = missing === "sources" && at === "" ? "SRC001" : isConditional(error) ? "SCH007" : "SCH001";
      const desc = firstSentence(((parent?.properties as Record<string, Schema> | undefined)?.[missing])?.description);
      return { code, pointer: at, atKey: true, message: `${fieldName(at)} is missing the required field ${q(missing)}${when}`, ...(desc && !desc.startsWith("$") ? { tip: `${missing}: ${desc}` } : {}) };
    }
    case "dependentRequired":
      return { code: "SCH007", pointer: at, atKey: true, message: `${q(p.property)} is given, so ${q(p.missingProperty)} is required too` };
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const keys = allowedKeys(parent);
      const guess = nearest(key, keys);
      const pointer = `${at}/${escapeSegment(key)}`;
      const owner = guess ? undefined : ownerOf(key, parent, ctx);
      if (owner) {
        return { code: "SCH002", pointer, atKey: true, message: `unknown field ${q(key)} at this level; it is a field of ${q(owner)}`, tip: `indent \`${key}:\` under \`${owner}:\` (two more spaces than \`${owner}\`)` };
      }
      return {
        code: "SCH002",
        pointer,
        atKey: true,
        message: `unknown field ${q(key)}${guess ? `; did you mean ${q(guess)}?` : ""}`,
        tip: `allowed here: ${keys.join(", ")}`,
      };
    }
    case "false schema": {
      const when = conditionFor(error, rootSchema);
      return { code: "SCH002", pointer: at, atKey: true, message: `field ${q(lastSegment(at))} is not allowed${when || " here"}` };
    }
    case "type": {
      const expected = String(p.type).split(",").map((t) => TYPE_WORDS[t] ?? t).join(" or ");
      const found = typeOfValue(error.data);
      const isDate = parent?.title === "Partial date";
      const glued = typeof error.data === "string" && String(p.type).includes("object") ? /^([A-Za-z_][\w-]*):(\S.*)$/.exec(error.data) : null;
      const tip = isDate && typeof error.data === "number" ? `quote the year so YAML reads it as text: '${String(error.data)}'` : glued ? `a space is missing after the colon: write \`${glued[1]}: ${glued[2]}\` on its own line, indented under the key` : firstSentence(parent?.description);
      return { code: "SCH003", pointer: at, atKey: false, message: `${fieldName(at)} should be ${expected}, but is ${found}`, ...(tip ? { tip } : {}) };
    }
    case "enum": {
      const allowed = (p.allowedValues ?? parent?.enum ?? []) as unknown[];
      const guess = typeof error.data === "string" ? nearest(error.data, allowed.map(String)) : undefined;
      return { code: "SCH004", pointer: at, atKey: false, message: `${q(error.data)} is not an allowed value for ${fieldName(at)}${guess ? `; did you mean ${q(guess)}?` : ""}`, tip: `allowed: ${list(allowed)}` };
    }
    case "const": {
      const when = conditionFor(error, rootSchema);
      return { code: "SCH007", pointer: at, atKey: false, message: `${fieldName(at)} must be ${q(p.allowedValue)}${when}` };
    }
    case "pattern":
    case "format": {
      const what = typeof parent?.title === "string" ? parent.title.toLowerCase() : "value";
      if (what === "country code" && typeof error.data === "string" && /^[a-z]{2}$/.test(error.data)) {
        return { code: "SCH005", pointer: at, atKey: false, message: `${q(error.data)} is not a country code; did you mean ${q(error.data.toUpperCase())}?`, tip: firstSentence(parent?.description) ?? "" };
      }
      if (what === "text") {
        return { code: "SCH005", pointer: at, atKey: false, message: `${fieldName(at)} must be one line without leading or trailing spaces` };
      }
      const shown = typeof error.data === "string" && error.data.length > 60 ? `${error.data.slice(0, 57)}...` : error.data;
      return { code: "SCH005", pointer: at, atKey: false, message: `${q(shown)} is not a valid ${what}`, ...(firstSentence(parent?.description) ? { tip: firstSentence(parent?.description)! } : {}) };
    }
    case "minItems":
      return { code: at.endsWith("/sources") || at === "/sources" ? "SRC001" : "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} needs at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}` };
    case "maxItems":
      return { code: "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} has more than ${String(p.limit)} item${p.limit === 1 ? "" : "s"}` };
    case "uniqueItems": {
      // ajv names the pair in either order, depending on whether it compared by hash or pairwise.
      const [first, repeat] = [Number(p.i), Number(p.j)].sort((a, b) => a - b) as [number, number];
      return { code: "SCH006", pointer: `${at}/${repeat}`, atKey: false, message: `item ${repeat + 1} of ${fieldName(at)} repeats item ${first + 1}` };
    }
    case "minLength":
      return { code: "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} is ${Number(p.limit) <= 1 ? "empty" : `shorter than ${String(p.limit)} characters`}` };
    case "maxLength":
      return { code: "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} is longer than ${String(p.limit)} characters` };
    case "minProperties":
      return { code: "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} is empty` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { code: "SCH006", pointer: at, atKey: false, message: `${fieldName(at)} must be ${String(p.comparison)} ${String(p.limit)}` };
    default:
      return { code: "SCH007", pointer: at, atKey: false, message: `${fieldName(at)}: ${error.message ?? error.keyword}` };
  }
}

/**
 * For `anyOf`/`oneOf`, keeps the errors of the most likely branch instead of every branch's. When each
 * branch only misses one field, says "needs one of …". For `contains`, says what item was expected.
 */
function groupAlternatives(errors: ErrorObject[], rootOf: (e: ErrorObject) => Schema | undefined): { kept: ErrorObject[]; findings: Finding[] } {
  const findings: Finding[] = [];
  let kept = errors;
  const alternatives = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "contains");
  // Innermost first, so nested alternatives are reduced before their parents.
  alternatives.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    const prefix = `${alt.schemaPath}/`;
    const inside = kept.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(alt.instancePath));
    const insideSet = new Set(inside);
    kept = kept.filter((e) => !insideSet.has(e));
    if (alt.keyword === "contains") {
      const shape = describeContains(((alt.parentSchema as Schema | undefined)?.contains ?? {}) as Schema);
      const when = conditionFor(alt, rootOf(alt));
      findings.push({ code: "SCH007", pointer: alt.instancePath, atKey: true, message: `${fieldName(alt.instancePath)} needs an item with ${shape}${when}` });
      continue;
    }
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split("/")[0]!;
      const list = byBranch.get(branch);
      if (list) list.push(e);
      else byBranch.set(branch, [e]);
    }
    const branches = [...byBranch.values()];
    if (branches.length > 1 && branches.every((b) => b.length === 1 && b[0]!.keyword === "required")) {
      const names = branches.map((b) => String((b[0]!.params as Record<string, unknown>).missingProperty));
      findings.push({ code: "SCH001", pointer: alt.instancePath, atKey: true, message: `${fieldName(alt.instancePath)} needs at least one of ${list(names)}` });
      continue;
    }
    if (branches.length > 1 && branches.every((b) => b.length === 1 && b[0]!.keyword === "type" && b[0]!.instancePath === alt.instancePath)) {
      const types = branches.map((b) => String((b[0]!.params as Record<string, unknown>).type)).flatMap((t) => t.split(","));
      const words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))].join(" or ");
      findings.push({ code: "SCH003", pointer: alt.instancePath, atKey: false, message: `${fieldName(alt.instancePath)} should be ${words}, but is ${typeOfValue(branches[0]![0]!.data)}` });
      continue;
    }
    // The most likely branch: the one whose own required fields are present (the data was meant for
    // it), then the one with the fewest errors; ties go to the first branch.
    const missingHere = (b: ErrorObject[]): number => b.filter((e) => e.keyword === "required" && e.instancePath === alt.instancePath).length;
    const best = branches.sort((a, b) => missingHere(a) - missingHere(b) || a.length - b.length)[0] ?? [];
    kept = [...kept, ...best];
  }
  return { kept, findings };
}

/**
 * Validates one record and explains every failure, placed at the key or value it concerns. `rootFile`
 * names the validator's schema, which precompiled validators do not carry.
 */
export function schemaDiagnostics(file: string, data: unknown, validate: ValidateFunction, locate: Locate, rootSchemas: Map<string, Schema>, rootFile?: string): Diagnostic[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const rootOf = (e: ErrorObject): Schema | undefined => {
    const ref = e.schemaPath.startsWith("#") ? (rootFile ?? (validate.schema as Schema | undefined)?.$id) : e.schemaPath.split("#")[0];
    return typeof ref === "string" ? rootSchemas.get(ref) : undefined;
  };
  const { kept, findings } = groupAlternatives(errors, rootOf);
  for (const e of kept) {
    const schemaFile = e.schemaPath.startsWith("#") ? (rootFile ?? (validate.schema as Schema | undefined)?.$id) : e.schemaPath.split("#")[0];
    const f = explain(e, rootOf(e), typeof schemaFile === "string" ? { schemas: rootSchemas, file: schemaFile } : undefined);
    if (f) findings.push(f);
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const key = `${f.code}|${f.pointer}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = locate(f.pointer, { key: f.atKey });
    out.push({ file, line: pos.line, col: pos.col, severity: SCHEMA_CODES[f.code].severity, code: f.code, message: f.message, pointer: f.pointer, ...(f.tip ? { tip: f.tip } : {}) });
  }
  return out;
}
