/**
 * The benchmark's corpora made from the real records: fresh ids, references that resolve, the real
 * records' shape, and clean data (no errors), so that what the benchmark times is the work on valid records.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copiesCorpus, readRealRecords } from "../../scripts/lib/bench/copies.ts";
import { writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { shapeOf } from "../../scripts/lib/bench/shape.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { DATA_DIR } from "../../scripts/lib/paths.ts";
import { RECORD_TYPES } from "../../scripts/lib/record-types.ts";

const real = readRealRecords(DATA_DIR);
const schemas = readSchemas();
const publishers = fs.readFileSync(path.join(DATA_DIR, "publishers.yaml"), "utf8");
const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

describe("corpora made from data/", { timeout: 120_000 }, () => {
  for (const profile of ["realistic", "hub"] as const) {
    it(`${profile}: exactly the records asked for, fresh ids but for what is shared, and no errors`, async () => {
      const total = Math.round(real.length * 2.5);
      const corpus = copiesCorpus(real, total, profile, schemas, 3, publishers);
      const records = [...corpus.files.keys()].filter((f) => f.split("/").length === 3);
      expect(records).toHaveLength(total);
      const realIds = new Set(real.map((r) => r.id));
      const kept = records.map((f) => path.basename(f, ".yaml")).filter((id) => realIds.has(id));
      // Only states are shared by all copies in the realistic profile; the hub profile shares people too.
      const kinds = new Set(kept.map((id) => real.find((r) => r.id === id)!.data.kind));
      expect([...kinds].sort()).toEqual(profile === "realistic" ? ["state"] : ["person", "state"]);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), `sidelines-corpus-${profile}-`));
      roots.push(root);
      writeCorpus(root, corpus);
      const result = await validate({ root, parallel: false });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.diagnostics.length).toBeGreaterThan(0); // the real warnings come along with the records
    });
  }

  it("has the real records' shape: the same means per type, within 10 % (states are not copied)", () => {
    const realShape = shapeOf(real.map((r) => [`data/${RECORD_TYPES[r.type].folder}/${r.id}.yaml`, r.text]));
    const copies = shapeOf(copiesCorpus(real, real.length * 4, "realistic", schemas, 1, publishers).files);
    const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.1 * Math.max(a, b) + 0.05;
    for (const [type, s] of realShape) {
      const c = copies.get(type)!;
      for (const key of ["sources", "claims", "notes", "steps", "text"] as const) expect(near(c[key], s[key]), `${type} ${key}: ${c[key]} against ${s[key]}`).toBe(true);
      expect(near(c.bytes.mean, s.bytes.mean), `${type} bytes`).toBe(true);
      expect(c.depth, `${type} depth`).toBe(s.depth);
    }
  });
});
