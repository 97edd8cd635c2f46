/**
 * Every problem in one run: the checks beyond the schema also run on the well-formed parts of a record
 * that fails its schema, so a bad date never hides a misspelled reference (a second push on a fork).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ValidateFunction } from "ajv";
import { pruneInvalid } from "../../scripts/lib/check/prune-invalid.ts";
import { BASE, removeTrees, SCHEMA_SET, TALKS_2021, validateFiles, where, withOverrides } from "./helpers.ts";

afterAll(removeTrees);

const MEETING = "data/meetings/talks-2021.yaml";
const codes = (ds: Array<{ code: string }>): string[] => ds.map((d) => d.code).sort();

describe("one round of errors", { timeout: 60_000 }, () => {
  it("a record with a schema error and a dangling reference gets both, each located", async () => {
    const broken = TALKS_2021.replace("date: 2021-06-02", "date: 2021-13-02").replace("actor: ann-example", "actor: an-example");
    const r = await validateFiles(withOverrides(BASE, { [MEETING]: broken }));
    const found = r.diagnostics.filter((d) => d.file === MEETING).map(where);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 5, code: expect.stringMatching(/^SCH|^DATE/) }),
        expect.objectContaining({ line: 8, code: "REF001" }),
      ]),
    );
  });

  it("a bad item in a list does not hide a bad reference in the next item, and pointers stay those of the file", async () => {
    const broken = TALKS_2021.replace(
      "  - actor: ann-example\n    role: principal\n",
      "  - actor: ann-example\n    role: chief\n  - actor: nobody-here\n    role: principal\n",
    );
    const r = await validateFiles(withOverrides(BASE, { [MEETING]: broken }));
    const ds = r.diagnostics.filter((d) => d.file === MEETING);
    const ref = ds.find((d) => d.code === "REF001");
    expect(ref, JSON.stringify(ds)).toBeDefined();
    expect(ref!.pointer).toBe("/participants/1/actor");
    expect(ref!.line).toBe(10);
  });

  it("a clean record gets exactly what it got before", async () => {
    const r = await validateFiles(BASE);
    expect(codes(r.diagnostics)).toEqual([]);
  });
});

describe("pruneInvalid", () => {
  const validate = SCHEMA_SET.validators.meeting as ValidateFunction;
  const parsed = (over: Record<string, unknown>) => ({ id: "mm", title: "T", kind: "meeting", status: "proposed", participants: [{ actor: "aa", role: "principal" }], sources: [{ publisher: "P" }], ...over });

  it("returns a record that passes the schema, without the refused parts", () => {
    const p = pruneInvalid(parsed({ participants: [{ actor: "aa", role: "chief" }, { actor: "bb", role: "principal" }], bogus: 1 }), validate)!;
    expect(validate(p.data)).toBe(true);
    expect(p.data.participants).toEqual([{ actor: "bb", role: "principal" }]);
    expect(p.data).not.toHaveProperty("bogus");
    expect(p.toOriginal("/participants/0/actor")).toBe("/participants/1/actor");
    expect(p.toOriginal("/title")).toBe("/title");
  });

  it("gives up when nothing usable is left", () => {
    expect(pruneInvalid({ id: 5 } as never, validate)).toBeUndefined();
  });
});
