/**
 * anyOf/oneOf failures are explained by their most likely branch, not by every branch. The record
 * schemas have no alternatives today, so a small schema exercises the explainer directly.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { schemaDiagnostics } from "../../scripts/lib/check/schema-check.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";

const schema = {
  $id: "alt.schema.json",
  type: "object",
  properties: {
    contact: {
      anyOf: [
        { type: "object", required: ["email"], properties: { email: { type: "string", pattern: "@" } } },
        { type: "object", required: ["phone"], properties: { phone: { type: "string", pattern: "^[0-9]+$" } } },
      ],
    },
    size: { oneOf: [{ type: "string" }, { type: "integer" }] },
  },
};
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
const validate = ajv.compile(schema);
const schemas = new Map([["alt.schema.json", schema as Record<string, unknown>]]);

function diagnose(text: string) {
  const parsed = parseRecordYaml("x.yaml", text);
  if (!parsed.ok) throw new Error("fixture does not parse");
  expect(parsed.parsed.data).toEqual(parse(text));
  return schemaDiagnostics("x.yaml", parsed.parsed.data, validate, parsed.parsed.locate, schemas).map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
}

describe("explaining anyOf and oneOf", () => {
  it("when every branch only misses its own field, one message names the choices", () => {
    expect(diagnose("contact: {}\n")).toEqual(["1:1 SCH001 `contact` needs at least one of `email`, `phone`"]);
  });

  it("reports the branch the data was meant for, not the others", () => {
    expect(diagnose("contact:\n  phone: call me\n")).toEqual(["2:10 SCH005 `call me` is not a valid value"]);
  });

  it("merges type mismatches across branches into one message", () => {
    expect(diagnose("size: true\n")).toEqual(["1:7 SCH003 `size` should be text or a whole number, but is true/false"]);
  });

  it("a value that fits a branch passes", () => {
    expect(diagnose("contact:\n  email: a@example.org\nsize: 3\n")).toEqual([]);
  });
});
