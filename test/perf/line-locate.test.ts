/**
 * The one-pass locator for plain block YAML must give every position the positional parser gives: on
 * every pointer (key and value) of every record in data/ and of a corpus made from them, and on pointers
 * that go past the data. Where it declines, the positional parser answers.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineLocator } from "../../scripts/lib/load/line-locate.ts";
import { fastParse } from "../../scripts/lib/load/fast-parse.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { copiesCorpus, readRealRecords } from "../../scripts/lib/bench/copies.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { DATA_DIR } from "../../scripts/lib/paths.ts";

function pointers(value: unknown, at = ""): string[] {
  const out = [at];
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  // Past the data: a missing key, an index out of range, a step below a scalar.
  out.push(`${at}/no-such-key`, `${at}/99`);
  return out;
}

function compare(files: Iterable<[string, string]>): { located: number; declined: number; mismatches: string[] } {
  let located = 0;
  let declined = 0;
  const mismatches: string[] = [];
  for (const [file, text] of files) {
    if (!fastParse(text)) continue; // only fast-path files are located this way
    const light = lineLocator(text);
    if (!light) {
      declined++;
      continue;
    }
    located++;
    const full = parseRecordYaml(file, text);
    if (!full.ok) throw new Error(`${file} does not parse`);
    for (const p of pointers(full.parsed.data)) {
      for (const key of [false, true]) {
        const [a, b] = [light(p, { key }), full.parsed.locate(p, { key })];
        if (a.line !== b.line || a.col !== b.col) mismatches.push(`${file} ${p} key=${key}: ${a.line}:${a.col} against ${b.line}:${b.col}`);
      }
    }
  }
  return { located, declined, mismatches };
}

describe("the one-pass locator", () => {
  const real = readRealRecords(DATA_DIR);
  it("gives the positional parser's position for every pointer of every record in data/", () => {
    const result = compare(real.map((r) => [r.id, r.text]));
    expect(result.mismatches.slice(0, 20)).toEqual([]);
    // It covers the bulk: the records the fast path reads, but for a few of unusual form.
    expect(result.located).toBeGreaterThan(result.declined * 4);
    // Every pointer of every record, parsed twice: the time grows with data/.
  }, 60_000);

  it("and for the publishers registry, which every run reads (PUB006 and schema errors point into it)", () => {
    const file = path.join(DATA_DIR, "publishers.yaml");
    const result = compare([[file, fs.readFileSync(file, "utf8")]]);
    expect(result.mismatches.slice(0, 20)).toEqual([]);
    expect(result.located).toBe(1);
  });

  it("and for a corpus made from them (dates quoted, ids rewritten)", () => {
    const corpus = copiesCorpus(real, real.length * 2, "realistic", readSchemas(), 5);
    const result = compare([...corpus.files].filter(([f]) => f.split("/").length === 3));
    expect(result.mismatches.slice(0, 20)).toEqual([]);
  }, 60_000);

  it("declines what it does not model, so that the positional parser answers", () => {
    for (const text of ["a: |\n  x\n", "a:\n", "a: {b: 1}\n", "a: ['x' y]\n", "a: ['x', ]\n", "a: [x, 'y]\n", "a: [x,\u00a0y]\n", "a: 1\n\tb: 2\n", "a:\n  - - b\n", "a: &x 1\n"]) expect(lineLocator(text), text).toBeUndefined();
  });

  it("declines a line indented by white space that is not a space, which YAML does not take for indentation", () => {
    for (const text of ["a:\n\u00a0 b: 1\n", "a:\n  \u2003b: 1\n", "a: 1\n\u3000\n"]) expect(lineLocator(text), JSON.stringify(text)).toBeUndefined();
    expect(lineLocator("a: 1 \u00a0\nb: 2\n")!("/b")).toEqual({ line: 2, col: 4 });
  });

  it("locates unindented sequences, comments, continued plain text and flow items, quoted ones holding commas too", () => {
    const text = "# comment\nid: x\nlist:\n- a\n- b: 1\n  c: two\n    words\ntags: [p, q]  # note\nz: 'quoted'\nnames: [People's Daily, 'it''s', \"a \\\"b\\\"\", O\"Neil]\ncommas: ['x, y',  \"Foreign, Commonwealth & Development Office\" , z, 'it''s, too']\n";
    const locate = lineLocator(text)!;
    const full = parseRecordYaml("t", text);
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    for (const p of pointers(full.parsed.data)) for (const key of [false, true]) expect(locate(p, { key }), `${p} ${key}`).toEqual(full.parsed.locate(p, { key }));
    expect(fs.existsSync(path.join(DATA_DIR, "publishers.yaml"))).toBe(true);
  });
});
