/**
 * The fast parser (js-yaml, for the bulk) and the positional parser (yaml, for diagnostics) must agree:
 * on every file the fast path accepts, both give the same data; on every file the positional parser
 * rejects, the fast path declines too, so the located diagnostics are always the positional parser's.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fastParse } from "../../scripts/lib/load/fast-parse.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { decodeRecordBytes } from "../../scripts/lib/load/read-file.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { YAML_TEST_SUITE } from "../conformance/suite.ts";

function yamlFiles(dir: string, name: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function compare(files: string[]): { fast: number; agreed: number; disagreements: string[] } {
  let fast = 0;
  let agreed = 0;
  const disagreements: string[] = [];
  for (const file of files) {
    const decoded = decodeRecordBytes(file, fs.readFileSync(file));
    if (!decoded.ok) continue; // refused before either parser runs
    const quick = fastParse(decoded.text);
    const full = parseRecordYaml(file, decoded.text);
    if (quick === undefined) continue;
    fast++;
    if (!full.ok) disagreements.push(`${file}: fast path accepted what the positional parser rejects (${full.diagnostics[0]?.code} ${full.diagnostics[0]?.message})`);
    else if (JSON.stringify(quick) !== JSON.stringify(full.parsed.data)) disagreements.push(`${file}: different data`);
    else agreed++;
  }
  return { fast, agreed, disagreements };
}

describe("the fast and the positional YAML parsers agree", () => {
  it("on every record in data/ and on the publishers registry", () => {
    const entries = fs.readdirSync(path.join(ROOT, "data"), { withFileTypes: true });
    const records = entries.flatMap((d) => (d.isDirectory() ? fs.readdirSync(path.join(ROOT, "data", d.name)).map((f) => path.join(ROOT, "data", d.name, f)) : [path.join(ROOT, "data", d.name)]));
    const result = compare(records);
    expect(result.disagreements).toEqual([]);
    // The fast path is the common path: nearly every real record takes it (`&`, `%` in URLs and commas
    // before a year in prose no longer send a file to the positional parser).
    expect(result.fast).toBeGreaterThanOrEqual(Math.floor(records.length * 0.95));
    // Forum files, the largest records, too: a track of 1.5 is a plain decimal fraction.
    const forums = records.filter((f) => f.includes(`${path.sep}forums${path.sep}`));
    expect(forums.length).toBeGreaterThan(0);
    expect(forums.filter((f) => fastParse(fs.readFileSync(f, "utf8")) === undefined)).toEqual([]);
    // The publishers registry too (every run reads it): a host such as `24.kg` is text, not a number.
    expect(fastParse(fs.readFileSync(path.join(ROOT, "data", "publishers.yaml"), "utf8"))).toBeDefined();
  });

  it("on every case of the YAML test suite that the fast path accepts", () => {
    expect(fs.existsSync(YAML_TEST_SUITE), `${YAML_TEST_SUITE} is missing`).toBe(true);
    const result = compare(yamlFiles(YAML_TEST_SUITE, "in.yaml"));
    expect(result.disagreements).toEqual([]);
    expect(result.fast).toBeGreaterThan(0);
  });

  it("admits text that only looks like YAML syntax, and refuses the syntax itself where a node starts", () => {
    const admitted = ["a: R&D, 50 % and *stars* !\n", "url: https://example.org/a%20b?x=1&y=2\n", "note: on May 26, 2021.\n", "tags: [a, b]\nnote: it's [sic], 2021.\n", "list: ['it''s, .5', x]\n", "track: 1.5\n", "a: [0.25, 12.50]\n", "a:\n  - 1.5\n", "1.50: x\n", "24.kg:\n  kind: news\n", "a: 2nd\n", "a: [12.kg, 3d]\n", "9gag.com: x\n"];
    const refused = ["a: &x 1\n", "a: *x\n", "a: !t 1\n", "%YAML 1.2\n---\na: 1\n", "a: [1, .inf]\n", "a: [x, &y z]\n", "a: [x,\n  +.5]\n", "a: {b: 1, c: 0x1F}\n", "a: [\"q, r\", 1_000]\n", "a: 1.5e3\n", "a: +1.5\n", "a: 1.\n", "a: 01.5\n", "a: 1_0.5\n", "a: [1, -0.5]\n", "1e3: x\n", "a: 12e-3\n", "0o17: x\n", "a: [2_5]\n", "a: 7.\n"];
    for (const text of admitted) {
      expect(fastParse(text), text).toBeDefined();
      const full = parseRecordYaml("t", text);
      expect(full.ok && JSON.stringify(full.parsed.data) === JSON.stringify(fastParse(text)), text).toBe(true);
    }
    for (const text of refused) expect(fastParse(text), text).toBeUndefined();
  });
});
