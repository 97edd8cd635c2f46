/**
 * The line locator for plain block YAML must give every position the positional parser gives: on every
 * pointer (key and value) of every record in data/, of a corpus made from them and of the YAML test
 * suite's cases the fast path admits, and on pointers that go past the data. Where it declines (a file,
 * or a pointer whose way passes a level it does not model), the positional parser answers.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineLocator } from "../../scripts/lib/load/line-locate.ts";
import { fastParse } from "../../scripts/lib/load/fast-parse.ts";
import { parseRecordYaml } from "../../scripts/lib/load/parse-yaml.ts";
import { parseRecordText } from "../../scripts/lib/load/load-record.ts";
import { copiesCorpus, readRealRecords } from "../../scripts/lib/bench/copies.ts";
import { readSchemas } from "../../scripts/lib/schemas.ts";
import { DATA_DIR } from "../../scripts/lib/paths.ts";
import { YAML_TEST_SUITE } from "../conformance/suite.ts";

function pointers(value: unknown, at = ""): string[] {
  const out = [at];
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  // Past the data: a missing key, an index out of range, a step below a scalar.
  out.push(`${at}/no-such-key`, `${at}/99`);
  return out;
}

/**
 * Every answer the walk gives equals the positional parser's. `declined`: files it declines outright;
 * `unanswered`: pointers of the files it walks for which it answers undefined (the positional parser answers).
 */
function compare(files: Iterable<[string, string]>): { located: number; declined: number; answered: number; unanswered: number; mismatches: string[] } {
  let located = 0;
  let declined = 0;
  let answered = 0;
  let unanswered = 0;
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
        if (a === undefined) unanswered++;
        else if ((answered++, a.line !== b.line || a.col !== b.col)) mismatches.push(`${file} ${p} key=${key}: ${a.line}:${a.col} against ${b.line}:${b.col}`);
      }
    }
  }
  return { located, declined, answered, unanswered, mismatches };
}

describe("the line locator", () => {
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
    for (const text of ["a: |\n  x\n", "a:\n", "a: {b: 1}\n", "a: ['x' y]\n", "a: ['x', ]\n", "a: [x, 'y]\n", "a: [x,\u00a0y]\n", "a: 1\n\tb: 2\n", "a: &x 1\n", "b: 1\na: 'x'\n  y\n"]) expect(lineLocator(text), text).toBeUndefined();
    // Below the top level, what it does not model is found when a pointer's way reaches that level.
    for (const [text, pointer] of [
      ["a:\n  - - b\n", "/a/0"],
      ["a:\n  b: |\n    x\n", "/a/b"],
      ["s:\n  - x: 1\n    y: &z 2\n", "/s/0/x"],
      ["s:\n  - 1\n  - [a, 'b]\n", "/s/0"],
      ["a:\n  - x\n  b: 1\n", "/a/0"],
    ] as const)
      expect(lineLocator(text)?.(pointer), `${JSON.stringify(text)} ${pointer}`).toBeUndefined();
  });

  it("reads only the levels a pointer's way passes through: what it does not model elsewhere leaves the way located", () => {
    const texts = ["a:\n  - - b\nc: 1\n", "s:\n  - title: x\n    note: |\n      long\n  - title: y\n    url: u\n", "x:\n  y: {p: 1}\nz:\n  w: [a, b]\n"];
    for (const text of texts) {
      const locate = lineLocator(text)!;
      expect(locate, text).toBeDefined();
      const full = parseRecordYaml("t", text);
      if (!full.ok) throw new Error(text);
      for (const p of pointers(full.parsed.data)) {
        const got = locate(p);
        if (got) expect(got, `${JSON.stringify(text)} ${p}`).toEqual(full.parsed.locate(p));
      }
    }
    expect(lineLocator(texts[0]!)!("/c")).toEqual({ line: 3, col: 4 });
    expect(lineLocator(texts[1]!)!("/s/1/url", { key: true })).toEqual({ line: 6, col: 5 });
    expect(lineLocator(texts[2]!)!("/z/w/1")).toEqual({ line: 4, col: 10 });
    expect(lineLocator(texts[1]!)!("/s/0/note")).toBeUndefined();
  });

  it("where the walk does not answer a pointer, the record's positions come from the positional parser", () => {
    // The fast path admits a sequence in a sequence; the walk answers the way to it and declines inside it.
    const text = "id: x\nlist:\n  - - b\n    - c\nz: 1\n";
    expect(fastParse(text)).toEqual({ id: "x", list: [["b", "c"]], z: 1 });
    expect(lineLocator(text)!("/list/0")).toBeUndefined();
    const record = parseRecordText("f.yaml", text);
    const full = parseRecordYaml("f.yaml", text);
    if (!record.ok || !full.ok) throw new Error("does not parse");
    for (const p of ["/list/0", "/list/0/1", "/z", "/list", ""]) for (const key of [false, true]) expect(record.parsed.locate(p, { key }), p).toEqual(full.parsed.locate(p, { key }));
    expect(record.parsed.locate("/list/0/1")).toEqual({ line: 4, col: 7 });
  });

  it("and every answer it gives on the YAML test suite's cases the fast path admits is the positional parser's", () => {
    const cases = fs.readdirSync(YAML_TEST_SUITE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("in.yaml"));
    expect(cases.length).toBeGreaterThan(300);
    const result = compare(cases.map((f) => [f, fs.readFileSync(path.join(YAML_TEST_SUITE, f), "utf8")] as [string, string]).filter(([, t]) => !t.includes("\r")));
    expect(result.mismatches.slice(0, 20)).toEqual([]);
    expect(result.answered).toBeGreaterThan(0);
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
