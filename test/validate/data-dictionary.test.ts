/**
 * The data dictionary (schemas/README.md) tells a contributor every rule the validator enforces: the
 * conditional rules in words, the derived fields never to write by hand, and examples that belong to
 * the field they stand beside.
 */
import { describe, expect, it } from "vitest";
import { conditionalRules } from "../../scripts/lib/docs/conditional-rules.ts";
import { dataDictionaryMarkdown } from "../../scripts/lib/docs/data-dictionary.ts";
import { DERIVED_FIELDS, DERIVED_STEP_FIELDS } from "../../scripts/lib/publish/public-schemas.ts";
import { readSchemas, type JsonSchema } from "../../scripts/lib/schemas.ts";

const schemas = readSchemas();
const markdown = dataDictionaryMarkdown(schemas);

/** Every `if` in every schema file, wherever it stands. */
function countConditionals(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, v) => n + countConditionals(v), 0);
  if (typeof node !== "object" || node === null) return 0;
  const s = node as JsonSchema;
  let n = "if" in s ? ("then" in s ? 1 : 0) + ("else" in s ? 1 : 0) : 0;
  for (const v of Object.values(s)) n += countConditionals(v);
  return n;
}

/** The rule sentences of the dictionary, once each (a shared definition's rule repeats under each type). */
const ruleLines = markdown.split("\n").filter((l) => /^- (When|In each)/.test(l));

describe("the data dictionary's rules", () => {
  it("says every conditional rule of every schema in words", () => {
    let total = 0;
    for (const s of schemas.values()) total += countConditionals(s);
    const distinct = new Set(ruleLines.map((l) => l.replace(/^- In each `[^`]+`, /, "- ")));
    expect(total).toBeGreaterThanOrEqual(16);
    expect(distinct.size).toBe(total);
  });

  it("words the rules a new contributor trips on", () => {
    expect(markdown).toContain("- When `status` is `held`: `date` is required.");
    expect(markdown).toContain("- When `kind` is `call` or `video-call`: `virtual` must be `true`.");
    expect(markdown).toContain("- In each `status_history[]`, when `status` is `declined`, `cancelled` or `postponed`: `by` is required.");
    expect(markdown).toContain("- When `kind` is not `person`: `citizenship`, `born`, `birth_place` and `positions` are not allowed.");
  });

  it("refuses to leave out a rule it cannot put in words", () => {
    expect(() => conditionalRules({ if: { properties: { a: { const: 1 } } }, then: { minProperties: 2 } })).toThrow(/cannot word the keyword `minProperties`/);
    expect(() => conditionalRules({ if: { properties: { a: { type: "string" } } }, then: { required: ["b"] } })).toThrow(/cannot word the condition/);
  });
});

describe("the data dictionary's derived fields", () => {
  it("lists every field written by the build, marked never to be written by hand", () => {
    expect(markdown).toContain("**Written by the build, never by hand**");
    for (const fields of Object.values(DERIVED_FIELDS)) for (const name of Object.keys(fields ?? {})) expect(markdown).toContain(`- \`${name}\`: `);
    for (const lists of Object.values(DERIVED_STEP_FIELDS)) {
      for (const [list, fields] of Object.entries(lists ?? {})) for (const name of Object.keys(fields)) expect(markdown).toContain(`- \`${list}[].${name}\`: `);
    }
  });
});

describe("the data dictionary's examples", () => {
  const rows = markdown.split("\n").filter((l) => l.startsWith("| `"));
  const row = (section: string, field: string): string => {
    const start = markdown.indexOf(`\n## ${section}\n`);
    const end = markdown.indexOf("\n## ", start + 1);
    return markdown.slice(start, end === -1 ? undefined : end).split("\n").find((l) => l.startsWith(`| \`${field}\` |`)) ?? "";
  };

  it("come from the field's own schema, never from a shared definition", () => {
    expect(rows.length).toBeGreaterThan(50);
    // A forum's native name is not a person's, and a birth date is not a meeting's day.
    expect(row("Forum", "native_names[].name")).not.toContain("李尚福");
    expect(row("Forum", "native_names")).not.toContain("李尚福");
    expect(row("Actor", "born")).toContain("`1958-02`");
    expect(row("Actor", "born")).not.toContain("2023-05-29");
    expect(row("Actor", "founded")).not.toContain("early 2023-05");
  });
});
