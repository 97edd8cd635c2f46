import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatRecord } from "../../scripts/lib/format/format-record.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { parseRecordText } from "../../scripts/lib/load/load-record.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";

/** The data as the validator reads it (its fast or positional parser, whichever it uses for the text). */
const validatorData = (text: string): Record<string, unknown> => {
  const read = parseRecordText("f.yaml", text);
  if (!read.ok) throw new Error(read.diagnostics[0]!.message);
  return read.parsed.data;
};

const schemas = readSchemas();
const files = RECORD_TYPE_NAMES.flatMap((type) => {
  const dir = path.join(ROOT, "data", RECORD_TYPES[type].folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => ({ type, file: path.join(dir, f) })) : [];
});

/** Shuffles keys, changes quoting and indentation, drops the editor line: same data, other text. */
function scramble(text: string): string {
  const data = parse(text) as Record<string, unknown>;
  const shuffled = Object.fromEntries(Object.entries(data).reverse());
  return JSON.stringify(shuffled, null, 4); // JSON is YAML: flow style, double quotes, other indentation
}

describe("the formatter", () => {
  it.each(files)("round-trips $file: the validator reads the same data before and after formatting, and formatting is stable", ({ type, file }) => {
    const text = fs.readFileSync(file, "utf8");
    const formatted = formatRecord(text, type, schemas)!;
    expect(formatted).toBeDefined();
    expect(validatorData(formatted)).toEqual(validatorData(text));
    expect(parse(formatted)).toEqual(parse(text));
    expect(formatRecord(formatted, type, schemas)).toBe(formatted);
  });

  it.each(files.slice(0, 12))("restores the canonical form of a scrambled $file, keeping the data", ({ type, file }) => {
    const canonical = formatRecord(fs.readFileSync(file, "utf8"), type, schemas)!;
    const scrambled = scramble(canonical);
    expect(scrambled).not.toBe(canonical);
    const restored = formatRecord(scrambled, type, schemas)!;
    expect(parse(restored)).toEqual(parse(canonical));
    expect(restored).toBe(canonical);
  });

  it("keeps comments, puts keys in schema order and writes the editor line first", () => {
    const text = "sources:\n  - publisher: X\n    url: https://example.org/a\n# who this is\nname: A Person\nkind: person\nid: a-person\n";
    const out = formatRecord(text, "actor", schemas)!;
    expect(out.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/actor.schema.json");
    expect(out).toContain("# who this is");
    expect(out.indexOf("id:")).toBeLessThan(out.indexOf("kind:"));
    expect(out.indexOf("kind:")).toBeLessThan(out.indexOf("name:"));
    expect(out.indexOf("name:")).toBeLessThan(out.indexOf("sources:"));
    expect(out.indexOf("url:")).toBeLessThan(out.indexOf("publisher:"));
    expect(out.endsWith("\n")).toBe(true);
  });

  it("orders an incident's keys, and each involved actor's, by the incident schema", () => {
    const text = "sources:\n  - publisher: X\nactors:\n  - role: visitor\n    actor: a-person\ndate: 2022-08-02\ntitle: A visit\nkind: visit\nid: a-visit-2022\n";
    const out = formatRecord(text, "incident", schemas)!;
    expect(out.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/incident.schema.json");
    expect(out.slice(out.indexOf("\n") + 1)).toBe("id: a-visit-2022\nkind: visit\ntitle: A visit\ndate: 2022-08-02\nactors:\n  - actor: a-person\n    role: visitor\nsources:\n  - publisher: X\n");
  });

  it("quotes what YAML would otherwise read as another type, so formatting never changes meaning", () => {
    const out = formatRecord('id: x-y\nkind: person\nname: "2023"\nborn: "1958"\nsources:\n  - publisher: "true"\n', "actor", schemas)!;
    expect(parse(out)).toEqual({ id: "x-y", kind: "person", name: "2023", born: "1958", sources: [{ publisher: "true" }] });
  });

  it("leaves a file that does not parse alone", () => {
    expect(formatRecord("id: [unclosed\n", "actor", schemas)).toBeUndefined();
  });
});

describe("the formatter reads values as the validator does", () => {
  const schemaSet = loadSchemaSet();
  const record = (field: string, value: string): string => `id: talks\ntitle: Talks\nkind: meeting\nstatus: held\ndate: 2021-06-02\nparticipants:\n  - actor: ann\n    role: principal\n${field}: ${value}\nsources:\n  - publisher: Example Gazette\n    url: https://example.org/talks\n`;
  // Every scalar form: written in a number field, in a text field and in a field the schema does not know.
  const FORMS = ["+.5", "-.25", ".5", "0x1F", "1_000", "0o17", "0b11", "~", "null", "Null", "NULL", "yes", "no", "on", "off", ".inf", "-.inf", ".NaN", "-0", "+12", "1e3", "2.50", "2001-12-14t21:59:43.10-05:00", "2023-05-29", "1961", "true", "'1961'", '"a\\tb"', '"\\u00e9"'];

  it.each(FORMS)("`%s`: the validator reads the formatted file as it read the original", (form) => {
    for (const field of ["duration_minutes", "summary", "colour"]) {
      const text = record(field, form);
      const formatted = formatRecord(text, "meeting", schemas);
      expect(formatted, `${field}: ${form}`).toBeDefined();
      const before = validatorData(text)[field];
      const after = validatorData(formatted!)[field];
      // A number or true/false in a text field is written as the text it was (the validator refuses it as it is).
      if (field === "summary" && (typeof before === "number" || typeof before === "boolean")) expect(after).toBe(form);
      else expect(after, `${field}: ${form}`).toEqual(before);
    }
  });

  it("a lone CR inside a quoted value is read as a line end by both, never written as the escape \\r", () => {
    const text = record("summary", '"one\r  two"');
    const formatted = formatRecord(text, "meeting", schemas)!;
    expect(formatted).not.toContain("\\r");
    expect(validatorData(formatted).summary).toBe("one two");
  });

  it("quotes bare years where the schema wants a date, and the validator then accepts the record", async () => {
    const person = `id: ann-example\nkind: person\nname: Ann Example\nborn: 1961\ncitizenship: [US]\nsources:\n  - publisher: Example Gazette\n    url: https://example.org/ann\n    published: 2021-01-01\n`;
    const before = await validate({ root: "/virtual", files: { "data/actors/ann-example.yaml": person }, schemaSet });
    expect(before.diagnostics.map((d) => d.code)).toContain("SCH003");
    const formatted = formatRecord(person, "actor", schemas)!;
    expect(formatted).toContain("born: '1961'");
    const after = await validate({ root: "/virtual", files: { "data/actors/ann-example.yaml": formatted }, schemaSet });
    expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
