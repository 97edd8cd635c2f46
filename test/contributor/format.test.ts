import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatRecord } from "../../scripts/lib/format/format-record.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import { ROOT } from "../../scripts/lib/paths.ts";

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
  it.each(files)("round-trips $file: the data before and after formatting is deep-equal, and formatting is stable", ({ type, file }) => {
    const text = fs.readFileSync(file, "utf8");
    const formatted = formatRecord(text, type, schemas)!;
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
