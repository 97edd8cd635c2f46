/**
 * Property-based tests: whatever bytes, YAML or record mutations arrive, the validator returns
 * diagnostics — it never throws, never hangs, and never reports a problem without a file and a position.
 * Seeded and with a fixed number of runs here; `npm run fuzz` runs the same properties far longer
 * (FUZZ_RUNS, FUZZ_SEED).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validate } from "../../scripts/lib/validate.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { ROOT } from "../../scripts/lib/paths.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const TIMEOUT = Number(process.env.FUZZ_TIMEOUT_MS ?? 60_000);
const schemaSet = loadSchemaSet();
const VROOT = "/virtual-dataset";

/** Every diagnostic names a file and a 1-based position, a known severity and a code. */
function wellFormed(d: Diagnostic): boolean {
  return typeof d.file === "string" && d.file.length > 0 && Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.col) && d.col >= 1 && (d.severity === "error" || d.severity === "warning") && /^[A-Z]+\d{3}$/.test(d.code) && d.message.length > 0;
}

async function check(files: Record<string, string | Uint8Array>): Promise<Diagnostic[]> {
  const result = await validate({ root: VROOT, files, schemaSet });
  for (const d of result.diagnostics) if (!wellFormed(d)) throw new Error(`malformed diagnostic: ${JSON.stringify(d)}`);
  return result.diagnostics;
}

/** The real records (and the schema fixtures that must validate), as an in-memory dataset. */
function realRecords(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const type of RECORD_TYPE_NAMES) {
    const dir = path.join(ROOT, "data", RECORD_TYPES[type].folder);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".yaml"))) out[`data/${RECORD_TYPES[type].folder}/${f}`] = fs.readFileSync(path.join(dir, f), "utf8");
  }
  return out;
}

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;

/** Runs a property and prints how many cases it tried, so `npm run fuzz` reports its work. */
async function fuzz<T>(name: string, property: fc.IAsyncProperty<T>, options: fc.Parameters<T> = params): Promise<void> {
  const details = await fc.check(property, options);
  console.log(`fuzz: ${name}: ${details.numRuns} cases tried, ${details.failed ? 1 : 0} failures (seed ${SEED})`);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? "property failed");
}

describe("fuzz: the validator never throws and always locates what it reports", () => {
  it("arbitrary bytes in a record file", { timeout: TIMEOUT }, async () => {
    await fuzz(
      "arbitrary bytes",
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const diags = await check({ "data/meetings/fuzz.yaml": bytes });
        // Random bytes are never a valid meeting.
        expect(diags.some((d) => d.severity === "error")).toBe(true);
      }),
    );
  });

  it("arbitrary text built from YAML's special characters", { timeout: TIMEOUT }, async () => {
    const yamlish = fc.array(fc.constantFrom("-", ":", " ", "  ", "\n", "\t", "[", "]", "{", "}", "&a", "*a", "!!", "!x", "<<", "#", "'", '"', "|", ">", "---", "...", "%YAML 1.2", "?", ",", "id", "x", "2023-02-30", "\r\n", "\uFEFF", "\u202E"), { maxLength: 200 });
    await fuzz(
      "YAML-like text",
      fc.asyncProperty(yamlish, async (parts) => {
        await check({ "data/actors/fuzz.yaml": parts.join("") });
      }),
    );
  });

  it("arbitrary YAML documents of any shape", { timeout: TIMEOUT }, async () => {
    await fuzz(
      "YAML documents of any shape",
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(...RECORD_TYPE_NAMES), async (value, type) => {
        const diags = await check({ [`data/${RECORD_TYPES[type].folder}/fuzz.yaml`]: stringify(value) });
        expect(diags.length).toBeGreaterThan(0);
      }),
    );
  });

  it("mutations of real records: drop, rename or retype a field, swap a reference, shuffle dates", { timeout: TIMEOUT }, async () => {
    const dataset = realRecords();
    const paths = Object.keys(dataset).sort();
    expect(paths.length).toBeGreaterThan(0);
    const ids = paths.map((p) => path.basename(p, ".yaml"));
    const mutation = fc.record({
      file: fc.constantFrom(...paths),
      op: fc.constantFrom("drop", "rename", "retype", "swap-ref", "shuffle-dates"),
      pick: fc.nat(),
      newValue: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.string(), fc.boolean(), fc.constant({ nested: "x" })),
      newKey: fc.string({ minLength: 1, maxLength: 12 }),
      id: fc.constantFrom(...ids, "does-not-exist"),
    });
    await fuzz(
      "mutations of real records",
      fc.asyncProperty(mutation, async (m) => {
        const files = { ...dataset };
        files[m.file] = mutate(files[m.file]!, m);
        await check(files);
      }),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
    );
  });
});

/** Applies one structural mutation to a record's YAML text (line-based, so it keeps comments). */
function mutate(text: string, m: { op: string; pick: number; newValue: unknown; newKey: string; id: string }): string {
  const lines = text.split("\n");
  const keyLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s*(- )?[a-z_]+:/.test(l));
  if (keyLines.length === 0) return text;
  const target = keyLines[m.pick % keyLines.length]!;
  const [, indent = "", key = ""] = /^(\s*(?:- )?)([a-z_]+):/.exec(target.l) ?? [];
  switch (m.op) {
    case "drop":
      lines.splice(target.i, 1);
      break;
    case "rename":
      lines[target.i] = target.l.replace(`${key}:`, `${JSON.stringify(m.newKey)}:`);
      break;
    case "retype":
      lines[target.i] = `${indent}${key}: ${JSON.stringify(m.newValue)}`;
      break;
    case "swap-ref": {
      const refs = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s*(- )?(actor|by|organisation|parent|sidelines_of|imposed_by|on_behalf_of|counterparty|sanction):\s/.test(l));
      const ref = refs[m.pick % Math.max(1, refs.length)];
      if (ref) lines[ref.i] = ref.l.replace(/:\s.*$/, `: ${m.id}`);
      break;
    }
    case "shuffle-dates": {
      const dates = lines.map((l, i) => ({ l, i, d: /(\d{4}(-\d{2}){0,2})/.exec(l)?.[1] })).filter((x) => x.d && /^\s*(- )?[a-z_]+: /.test(x.l));
      if (dates.length >= 2) {
        const a = dates[m.pick % dates.length]!;
        const b = dates[(m.pick + 1) % dates.length]!;
        lines[a.i] = a.l.replace(a.d!, b.d!);
        lines[b.i] = b.l.replace(b.d!, a.d!);
      }
      break;
    }
  }
  return lines.join("\n");
}
