/**
 * The validation cache keeps diagnostics as rows of numbers naming texts in a table (StringTable): a
 * diagnostic decoded from its row, through the cache file's JSON, is the diagnostic as JSON text would
 * have kept it — the same keys in the same order, undefined values left out, the file put back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringTable } from "../../scripts/lib/cache/validation-cache.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";

const text = fc.oneof(fc.string(), fc.constantFrom("", "warning", "error", "SRC006", "the source has no `published` date", "\t", "\n", "\u2028", "-1", "😀"));
const diagnostic = fc
  .record(
    {
      file: fc.constant(""),
      line: fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 })),
      col: fc.nat(),
      severity: fc.constantFrom("error", "warning"),
      code: text,
      message: text,
      tip: fc.option(text, { nil: undefined }),
      pointer: fc.option(text, { nil: undefined }),
    },
    { requiredKeys: ["file", "line", "col", "severity", "code", "message"] },
  )
  .chain((d) => fc.shuffledSubarray(Object.keys(d), { minLength: Object.keys(d).length }).map((order) => Object.fromEntries(order.map((k) => [k, (d as Record<string, unknown>)[k]])) as unknown as Diagnostic));

describe("the cache's table of diagnostic texts", () => {
  it("decodes what it encodes, through JSON, as JSON text alone would keep it (keys in order, undefined left out, the file put back)", () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 8 }), (list) => {
        const writer = new StringTable();
        const rows = JSON.parse(JSON.stringify(list.map((d) => writer.encode(d)))) as unknown[];
        // A reader starts from the texts the file holds.
        const reader = new StringTable([...writer.list]);
        const decoded = rows.map((row) => reader.decode(row, "data/meetings/x.yaml"));
        const expected = list.map((d) => JSON.parse(JSON.stringify({ ...d, file: "data/meetings/x.yaml" })) as Diagnostic);
        expect(decoded).toStrictEqual(expected);
        for (const [i, d] of decoded.entries()) expect(Object.keys(d)).toEqual(Object.keys(expected[i]!));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a row it did not make", () => {
    const table = new StringTable(["x"]);
    for (const row of [null, [], ["a"], [5], [0, 1], [0, { a: 1 }]]) expect(() => table.decode(row, "f")).toThrow();
  });
});
