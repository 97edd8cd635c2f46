/**
 * The rules that tie fields together (`if`/`then`/`else` in the schemas), said in words for the data
 * dictionary. Each rule is read off the schema itself, so the words cannot drift from what the
 * validator enforces; a shape this module cannot put in words is a test failure, not a silent gap.
 */
import type { JsonSchema } from "../schemas.ts";
import { append } from "../collections.ts";

const isObject = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);
const code = (v: unknown): string => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

/** "a", "a or b", "a, b or c". */
function either(values: readonly unknown[]): string {
  const parts = values.map(code);
  return parts.length < 2 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
}

function all(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;
}

/** A value constraint in words: "is `held`", "is `a` or `b`". */
function valueWords(s: JsonSchema, negate = false): string | undefined {
  const is = negate ? "is not" : "is";
  if ("const" in s) return `${is} ${code(s.const)}`;
  if (Array.isArray(s.enum)) return s.enum.length === 1 ? `${is} ${code(s.enum[0])}` : `${is} ${either(s.enum)}`;
  return undefined;
}

/** The condition of an `if`, e.g. "`status` is `held`". */
function conditionWords(cond: JsonSchema, negate = false): string {
  const props = (cond.properties ?? {}) as Record<string, JsonSchema>;
  if (negate && Object.keys(props).length !== 1) throw new Error(`conditional-rules: cannot negate ${JSON.stringify(cond)}`);
  const parts = Object.entries(props).map(([name, s]) => {
    // `{ "x": true }` with `x` required only asks that the field be there.
    if (s === (true as unknown) && ((cond.required ?? []) as string[]).includes(name)) return `${code(name)} ${negate ? "is not given" : "is given"}`;
    const words = isObject(s) ? valueWords(s, negate) : undefined;
    if (!words) throw new Error(`conditional-rules: cannot word the condition on \`${name}\`: ${JSON.stringify(s)}`);
    return `${code(name)} ${words}`;
  });
  if (parts.length === 0) throw new Error(`conditional-rules: empty condition ${JSON.stringify(cond)}`);
  return all(parts);
}

/** What a `then` or `else` demands, as clauses. `properties: { x: true }` only re-admits a field and says nothing. */
function demandWords(then: JsonSchema): string[] {
  const out: string[] = [];
  const props = (then.properties ?? {}) as Record<string, unknown>;
  const shaped = new Set(Object.keys(props).filter((k) => isObject(props[k])));
  // A required field that must also have a shape is said once: "`x` is required and must …".
  const required = ((then.required ?? []) as string[]).filter((k) => !shaped.has(k));
  if (required.length > 0) out.push(`${all(required.map(code))} ${required.length > 1 ? "are" : "is"} required`);
  const forbidden: string[] = [];
  for (const [name, s] of Object.entries(props)) {
    if (s === true) continue;
    if (s === false) {
      forbidden.push(name);
      continue;
    }
    if (!isObject(s)) throw new Error(`conditional-rules: cannot word \`${name}\`: ${JSON.stringify(s)}`);
    const demand = fieldDemand(name, s);
    out.push(((then.required ?? []) as string[]).includes(name) ? demand.replace(" must ", " is required and must ") : demand);
  }
  if (forbidden.length > 0) out.push(`${all(forbidden.map(code))} ${forbidden.length > 1 ? "are" : "is"} not allowed`);
  for (const key of Object.keys(then)) {
    if (key !== "required" && key !== "properties") throw new Error(`conditional-rules: cannot word the keyword \`${key}\` in ${JSON.stringify(then)}`);
  }
  return out;
}

function fieldDemand(name: string, s: JsonSchema): string {
  const value = valueWords(s);
  if (value) return `${code(name)} must be ${value.slice(3)}`;
  if (typeof s.pattern === "string") return `${code(name)} must match ${code(s.pattern)}`;
  if (s.type === "array" && isObject(s.contains)) {
    const item = s.contains;
    const itemProps = (item.properties ?? {}) as Record<string, unknown>;
    const cond = Object.entries(itemProps)
      .filter(([, v]) => isObject(v) && valueWords(v))
      .map(([k, v]) => `${code(k)} ${valueWords(v as JsonSchema)!}`);
    const req = ((item.required ?? []) as string[]).filter((k) => !Object.entries(itemProps).some(([p, v]) => p === k && isObject(v) && valueWords(v)));
    return `${code(name)} must contain an entry whose ${all(cond)}${req.length ? `, with ${all(req.map(code))}` : ""}`;
  }
  if (s.type === "array" && (typeof s.minItems === "number" || typeof s.maxItems === "number")) {
    const min = s.minItems as number | undefined;
    const max = s.maxItems as number | undefined;
    if (min !== undefined && min === max) return `${code(name)} must hold exactly ${min} ${min === 1 ? "entry" : "entries"}`;
    if (max === 0) return `${code(name)} must be empty`;
    if (min !== undefined && max !== undefined) return `${code(name)} must hold ${min} to ${max} entries`;
    if (min !== undefined) return `${code(name)} must hold at least ${min} ${min === 1 ? "entry" : "entries"}`;
    return `${code(name)} must hold at most ${max} ${max === 1 ? "entry" : "entries"}`;
  }
  throw new Error(`conditional-rules: cannot word the demand on \`${name}\`: ${JSON.stringify(s)}`);
}

/** One `if`/`then`/`else` as sentences. */
function ruleSentences(s: JsonSchema): string[] {
  const cond = conditionWords(s.if as JsonSchema);
  const notCond = isObject(s.else) ? conditionWords(s.if as JsonSchema, true) : "";
  const out: string[] = [];
  if (isObject(s.then)) {
    const demands = demandWords(s.then);
    if (demands.length) out.push(`when ${cond}: ${all(demands)}.`);
  }
  if (isObject(s.else)) {
    const demands = demandWords(s.else);
    if (demands.length) out.push(`when ${notCond}: ${all(demands)}.`);
  }
  return out;
}

/** The conditional rules declared directly on one object schema (its own `if` and those in its `allOf`). */
export function conditionalRules(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (isObject(schema.if)) append(out, ruleSentences(schema));
  for (const part of (schema.allOf ?? []) as unknown[]) if (isObject(part) && isObject(part.if)) append(out, ruleSentences(part));
  return out;
}
