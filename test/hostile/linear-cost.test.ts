/**
 * The cost of validating one file is linear in its size. A 256 KiB file of ~44,000 keys once took
 * 20–35 s (yaml's duplicate-key scan, locating each key by a linear search, ajv comparing list items
 * pairwise); quadratic cost in a record of 8× the size limit takes many minutes, so this test times
 * out on any quadratic part while the linear code runs it in seconds. No time is asserted; the figure
 * is printed by `npm run bench`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { validate } from "../../scripts/lib/validate.ts";
import { LIMITS } from "../../scripts/lib/load/limits.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import { wideRecord } from "../../scripts/lib/bench/wide-record.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";

const schemaSet = loadSchemaSet();
const limits = LIMITS as { maxFileBytes: number };
const sizeLimit = limits.maxFileBytes;
afterEach(() => {
  limits.maxFileBytes = sizeLimit;
});

describe("cost linear in the file's size", () => {
  it(
    "a record 8× the size limit, of very many keys and list items, is validated with every problem located",
    async () => {
      const bytes = 8 * sizeLimit;
      const { text, counts } = wideRecord(bytes);
      // Past the size limit only for this test: the point is a size where quadratic cost shows.
      limits.maxFileBytes = text.length + 1;
      const result = await validate({ root: "/virtual", files: { "data/actors/wide.yaml": text }, schemaSet, parallel: false });
      const count = (code: string): number => result.diagnostics.filter((d) => d.code === code).length;
      // Unknown top-level keys, each at its own line; the flow mapping is the wrong type (one SCH003).
      expect(count("SCH002")).toBe(counts.topKeys);
      expect(result.diagnostics.find((d) => d.code === "SCH002" && d.message === "unknown field `x0`")).toMatchObject({ line: 8, col: 1 });
      const last = result.diagnostics.filter((d) => d.code === "SCH002").at(-1)!;
      expect(last.line).toBe(7 + counts.topKeys);
      expect(count("SCH003")).toBe(1);
    },
    180_000,
  );

  it(
    "a mapping with very many keys and one key repeated at its end gets one YAML002 at the repeat",
    async () => {
      const { text, counts } = wideRecord(8 * sizeLimit);
      limits.maxFileBytes = text.length + 100;
      const result = await validate({ root: "/virtual", files: { "data/actors/wide.yaml": `${text}x0: 2\n` }, schemaSet, parallel: false });
      expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([["YAML002", text.split("\n").length]]);
      expect(counts.topKeys).toBeGreaterThan(10_000);
    },
    180_000,
  );

  it("every list with unique items declares a scalar item type, so that ajv checks it by hash, not pairwise", () => {
    const pairwise: string[] = [];
    for (const [file, schema] of readSchemas()) {
      const walk = (node: unknown, where: string): void => {
        if (!node || typeof node !== "object") return;
        const s = node as Record<string, unknown>;
        if (s.uniqueItems === true) {
          const type = (s.items as Record<string, unknown> | undefined)?.type;
          if (!["string", "number", "integer", "boolean"].includes(String(type))) pairwise.push(`${file}${where}`);
        }
        for (const [k, v] of Object.entries(s)) walk(v, `${where}/${k}`);
      };
      walk(schema, "#");
    }
    expect(pairwise).toEqual([]);
  });
});
