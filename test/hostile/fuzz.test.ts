/**
 * Property-based tests: whatever bytes, YAML or record mutations arrive, the validator returns
 * diagnostics — it never throws, never hangs, and never reports a problem without a file and a position.
 * Seeded and with a fixed number of runs here; `npm run fuzz` runs the same properties far longer
 * (FUZZ_RUNS, FUZZ_SEED).
 */
import "../loaded-machine.ts";
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
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { formatRecord } from "../../scripts/lib/format/format-record.ts";
import { parseRecordText } from "../../scripts/lib/load/load-record.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { fastParse } from "../../scripts/lib/load/fast-parse.ts";

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

// ---------------------------------------------------------------------------------------------------------
// The formatter and the validator read the same values.

/** Scalars in every form YAML has: numbers of every notation, nulls, booleans and look-alikes, dates, quoted and escaped text. */
const scalarForm = fc.oneof(
  fc.constantFrom("+.5", "-.25", ".5", "0x1F", "0o17", "0b101", "1_000", "012", "+12", "-0", "1e3", "1E+3", "2.50", "0.", ".inf", "-.inf", ".NaN", "~", "null", "Null", "NULL", "", "true", "False", "yes", "no", "on", "off", "Y", "n", "1961", "0099", "2023-05-29", "2001-12-14t21:59:43.10-05:00", "2023-05", "early 2023-05", "12:30:00", "1:20"),
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.double({ noNaN: false }).map((d) => String(d)),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''").replace(/\n/g, " ")}'`),
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"a\\rb"', '"tab\\there"', '"\\u00e9t\\u00e9"', "'a: b'", "'- x'", "'#x'", "' lead'", "'trail '", "'@at'", "'`tick'", "'%pc'", "'{b}'", "'a #b'", "'x: '", '"line\\nbreak "', "'-'", "':'", "'---'"),
);

/** A record text with the scalar as the value of a text field, a number field, a list item of text, an unknown field and a key. */
const typeOf = (place: number): "meeting" | "actor" => (place === 2 ? "actor" : "meeting");
const withScalar = (s: string, place: number): string =>
  [
    `id: talks\ntitle: ${s}\nkind: meeting\nstatus: held\n`,
    `id: talks\ntitle: Talks\nduration_minutes: ${s}\n`,
    `id: talks\nname: Talks\naliases:\n  - ${s}\n  - other\n`,
    `id: talks\ntitle: Talks\nunknown_field: ${s}\n`,
    `id: talks\ntitle: Talks\n${s === "" ? "''" : s}: 1\n`,
  ][place]!;

describe("fuzz: the formatter and the validator read every scalar form the same way", () => {
  it("the fast and positional parsers agree; formatting keeps what the validator read (bare numbers in text fields become that text)", { timeout: TIMEOUT }, async () => {
    const schemas = readSchemas();
    await fuzz(
      "scalar forms through both parsers and the formatter",
      fc.asyncProperty(scalarForm, fc.integer({ min: 0, max: 4 }), async (s, place) => {
        const text = withScalar(s, place);
        const positional = parseRecordYaml("f.yaml", text);
        const fast = fastParse(text);
        if (fast !== undefined) expect(positional.ok && fast, `the two parsers read ${JSON.stringify(text)} differently`).toEqual(positional.ok ? positional.parsed.data : false);
        const read = parseRecordText("f.yaml", text);
        const formatted = formatRecord(text, typeOf(place), schemas);
        // The formatter formats exactly what the validator can read, and formats it once for all.
        expect(formatted !== undefined, `formatter and validator disagree on whether ${JSON.stringify(text)} can be read`).toBe(read.ok);
        if (!read.ok || formatted === undefined) return;
        expect(formatRecord(formatted, typeOf(place), schemas)).toBe(formatted);
        const again = parseRecordText("f.yaml", formatted);
        expect(again.ok).toBe(true);
        const before = read.parsed.data;
        const after = again.ok ? again.parsed.data : {};
        // Only a number or true/false in a text field (`title`, an alias) changes: to its own text.
        const textField = place === 0 ? "title" : place === 2 ? "aliases" : undefined;
        const scalarBefore = textField === "aliases" ? (before.aliases as unknown[])[0] : textField ? before[textField] : undefined;
        if (textField && (typeof scalarBefore === "number" || typeof scalarBefore === "boolean")) {
          const scalarAfter = textField === "aliases" ? (after.aliases as unknown[])[0] : after[textField];
          expect(typeof scalarAfter).toBe("string");
          expect(parseRecordText("f.yaml", `id: x\nv: ${String(scalarAfter)}\n`).ok).toBe(true);
          return;
        }
        expect(after).toEqual(before);
      }),
      { ...params, numRuns: Math.max(300, RUNS * 5) },
    );
  });

  it("a bare year in a date field is quoted by the formatter, and then the validator accepts it", { timeout: TIMEOUT }, async () => {
    const schemas = readSchemas();
    await fuzz(
      "bare years",
      fc.asyncProperty(fc.integer({ min: 0, max: 9999 }), async (year) => {
        const y = String(year).padStart(4, "0");
        const text = `id: ann-example\nkind: person\nname: Ann Example\nborn: ${y}\nsources:\n  - publisher: Example Gazette\n    url: https://example.org/ann\n    published: 2021-01-01\n`;
        const bad = await check({ "data/actors/ann-example.yaml": text });
        expect(bad.map((d) => d.code)).toContain("SCH003");
        const formatted = formatRecord(text, "actor", schemas)!;
        expect(formatted).toContain(`born: '${y}'`);
        const good = await check({ "data/actors/ann-example.yaml": formatted });
        expect(good.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { ...params, numRuns: Math.max(30, RUNS) },
    );
  });
});
