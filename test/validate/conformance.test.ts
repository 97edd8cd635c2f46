/**
 * The record loader over the whole YAML test suite (test/conformance/yaml-test-suite, a copy of the
 * shared corpus kept in the repository): it never throws; every invalid case yields a located diagnostic; every case either
 * parses to a mapping or yields one. Then the full validate() over all cases as meeting records:
 * no throw, and every file gets at least one error (none is a valid record).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { decodeRecordBytes } from "../../scripts/lib/load/read-file.ts";
import { validate } from "../../scripts/lib/validate.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { LOADER_CODES } from "../../scripts/lib/codes.ts";
import { SCHEMA_SET } from "./helpers.ts";
import { YAML_TEST_SUITE } from "../conformance/suite.ts";

const SUITE = YAML_TEST_SUITE;

interface SuiteCase {
  /** `2G84/00` or `229Q`. */
  name: string;
  dir: string;
  invalid: boolean;
}

/** Every folder with an `in.yaml`, and every numbered sub-folder with one. */
function listCases(): SuiteCase[] {
  const out: SuiteCase[] = [];
  for (const entry of fs.readdirSync(SUITE, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(SUITE, entry.name);
    const subs = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).map((e) => e.name).sort();
    if (fs.existsSync(path.join(dir, "in.yaml"))) out.push({ name: entry.name, dir, invalid: fs.existsSync(path.join(dir, "error")) });
    for (const sub of subs) {
      const subDir = path.join(dir, sub);
      if (fs.existsSync(path.join(subDir, "in.yaml"))) out.push({ name: `${entry.name}/${sub}`, dir: subDir, invalid: fs.existsSync(path.join(subDir, "error")) });
    }
  }
  return out;
}

const suiteFound = fs.existsSync(SUITE) && fs.statSync(SUITE).isDirectory();
const cases = suiteFound ? listCases() : [];
const invalidCount = cases.filter((c) => c.invalid).length;

const fileOf = (c: SuiteCase): string => `data/meetings/case-${c.name.toLowerCase().replace(/\//g, "-")}.yaml`;

/** Fails the calling test, with the reason, when the suite is not there (so nothing passes vacuously). */
function requireSuite(): void {
  expect(suiteFound, `the YAML test suite is missing at ${SUITE} (test/conformance/)`).toBe(true);
}

function isLocated(d: Diagnostic, file: string): boolean {
  return d.file === file && Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.col) && d.col >= 1 && typeof d.code === "string" && d.code.length > 0 && typeof d.message === "string" && d.message.length > 0;
}

describe("yaml-test-suite", () => {
  it("is present beside the repository", () => {
    expect(
      suiteFound,
      `the YAML test suite is missing: expected it at ${SUITE} (test/conformance/). ` +
        "These tests fail rather than skip without it.",
    ).toBe(true);
    // A sanity floor, so that an emptied or half-copied folder is not taken for the suite.
    expect(cases.length).toBeGreaterThan(300);
    expect(invalidCount).toBeGreaterThan(50);
  });

  describe(`the loader over ${cases.length} cases (${invalidCount} invalid)`, () => {
    const outcomes = new Map<string, { ok: boolean; diagnostics: Diagnostic[]; threw?: unknown }>();

    beforeAll(() => {
      for (const c of cases) {
        const file = fileOf(c);
        try {
          const read = decodeRecordBytes(file, fs.readFileSync(path.join(c.dir, "in.yaml")));
          if (!read.ok) {
            outcomes.set(c.name, { ok: false, diagnostics: [read.diagnostic] });
            continue;
          }
          const parsed = parseRecordYaml(file, read.text);
          if (parsed.ok) {
            const isMapping = typeof parsed.parsed.data === "object" && parsed.parsed.data !== null && !Array.isArray(parsed.parsed.data);
            outcomes.set(c.name, { ok: isMapping, diagnostics: [] });
          } else outcomes.set(c.name, { ok: false, diagnostics: parsed.diagnostics });
        } catch (error) {
          outcomes.set(c.name, { ok: false, diagnostics: [], threw: error });
        }
      }
    });

    it("throws on no case", () => {
      requireSuite();
      const thrown = [...outcomes].filter(([, o]) => o.threw !== undefined).map(([name, o]) => `${name}: ${String(o.threw)}`);
      expect(thrown).toEqual([]);
      expect(outcomes.size).toBe(cases.length);
    });

    it("gives every invalid case at least one located diagnostic with a loader code", () => {
      requireSuite();
      const bad: string[] = [];
      for (const c of cases.filter((x) => x.invalid)) {
        const o = outcomes.get(c.name)!;
        if (o.ok || o.diagnostics.length === 0 || !o.diagnostics.every((d) => isLocated(d, fileOf(c)) && Object.hasOwn(LOADER_CODES, d.code))) bad.push(c.name);
      }
      expect(bad, "invalid YAML accepted, or reported without a position").toEqual([]);
    });

    it("either parses each case to a mapping or gives located diagnostics", () => {
      requireSuite();
      const bad: string[] = [];
      for (const c of cases) {
        const o = outcomes.get(c.name)!;
        if (!o.ok && (o.diagnostics.length === 0 || !o.diagnostics.every((d) => isLocated(d, fileOf(c))))) bad.push(c.name);
        if (o.ok && o.diagnostics.length > 0) bad.push(c.name);
      }
      expect(bad).toEqual([]);
      const parsed = [...outcomes.values()].filter((o) => o.ok).length;
      // Some valid cases are plain mappings; many use tags, anchors, several documents or a non-mapping top level.
      expect(parsed).toBeGreaterThan(0);
      expect(parsed).toBeLessThan(cases.length - invalidCount);
    });
  });

  describe("validate() over every case as a meeting record", () => {
    let root = "";
    afterAll(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it(`reports at least one located error in each of the ${cases.length} files, without throwing`, async () => {
      requireSuite();
      root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-conformance-"));
      fs.mkdirSync(path.join(root, "data/meetings"), { recursive: true });
      const files = new Set<string>();
      for (const c of cases) {
        const file = fileOf(c);
        expect(files.has(file), `two cases map to ${file}`).toBe(false);
        files.add(file);
        fs.copyFileSync(path.join(c.dir, "in.yaml"), path.join(root, file));
      }
      const result = await validate({ root, schemaSet: SCHEMA_SET });
      expect(result.recordsChecked).toBe(cases.length);
      const errorsByFile = new Map<string, number>();
      for (const d of result.diagnostics) {
        expect(isLocated(d, d.file), JSON.stringify(d)).toBe(true);
        if (d.severity === "error") errorsByFile.set(d.file, (errorsByFile.get(d.file) ?? 0) + 1);
      }
      const clean = [...files].filter((f) => !errorsByFile.has(f));
      expect(clean, "files that passed as valid records").toEqual([]);
      // No diagnostic for a file that does not exist.
      expect([...errorsByFile.keys()].filter((f) => !files.has(f))).toEqual([]);
    });
  });
});
