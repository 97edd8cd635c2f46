/**
 * Commands that edit records in place (`format`, `new`) write only regular record files inside the
 * repository's data/, never through a link and never elsewhere; and `format` never rewrites a file that
 * the validator cannot read as a record: it reports it at its line and column and leaves its bytes.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../temp-dirs.ts";
import { BASE, BLUE_STATE, lines, makeTree, removeTrees, withOverrides } from "../validate/helpers.ts";
import { recordPath, UnsafeRecordPath, writeRecordFile } from "../../scripts/lib/record-write.ts";
import { expectOneLineUsageError, runScript, SPAWN_TIMEOUT } from "./helpers.ts";

afterAll(removeTrees);

const FILE = "data/actors/blue-state.yaml";
const snapshot = (root: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else out[child] = e.isSymbolicLink() ? `link:${fs.readlinkSync(path.join(root, child))}` : fs.readFileSync(path.join(root, child)).toString("base64");
    }
  };
  walk("");
  return out;
};

// Every way a file can fail the validator's reading (encoding, limits, YAML), each unformatted but
// otherwise a record the formatter would change (keys out of order, double quotes).
const UNREADABLE: Array<[string, Buffer, RegExp]> = [
  ["invalid UTF-8", Buffer.concat([Buffer.from('name: "Blue"\nid: blue-state\nkind: state\nnote: caf'), Buffer.from([0xe9]), Buffer.from("\n")]), /:4:\d+ +FILE005/],
  ["a lone surrogate byte sequence", Buffer.concat([Buffer.from('name: "Blue"\nid: blue-state\n'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from("\n")]), /:3:1 +FILE005/],
  ["UTF-16 text", Buffer.from(`\ufeffname: "Blue"\nid: blue-state\n`, "utf16le"), /:1:\d+ +FILE005/],
  ["a control character", Buffer.from('name: "Blue"\nid: blue-state\u0007\n'), /:2:15 +FILE005/],
  ["a line over the limit", Buffer.from(`name: "Blue"\nid: blue-state\nnote: "${"x".repeat(10_050)}"\n`), /:3:\d+ +FILE008/],
  ["a file over the size limit", Buffer.from(`name: "Blue"\nid: blue-state\n${'note: "x"\n'.repeat(30_000)}`), /:1:1 +FILE004/],
  ["a YAML syntax error", Buffer.from('name: "Blue"\nid: blue-state\nkind: [state\n'), /:\d+:\d+ +YAML001/],
  ["a duplicate key", Buffer.from('name: "Blue"\nid: blue-state\nname: "Blue again"\n'), /:3:1 +YAML002/],
  ["a YAML tag", Buffer.from('name: !!str "Blue"\nid: blue-state\n'), /:1:7 +YAML006/],
  ["an alias", Buffer.from('name: &n "Blue"\nid: blue-state\nshort_name: *n\n'), /:\d+:\d+ +YAML007/],
  ["two documents", Buffer.from('name: "Blue"\nid: blue-state\n---\nname: "Other"\n'), /:3:1 +YAML003/],
];

describe("format never rewrites what the validator cannot read", () => {
  it.each(UNREADABLE)("%s: reported at its place, bytes left as they were, exit 1", { timeout: SPAWN_TIMEOUT * 3 }, async (_name, bytes, where) => {
    const root = makeTree(withOverrides(BASE, { [FILE]: bytes }));
    for (const args of [[], ["--check"], [FILE]]) {
      const r = await runScript("format", root, args);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${FILE.replace(/\./g, "\\.")}${where.source}`, "m"));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(fs.readFileSync(path.join(root, FILE)).equals(bytes)).toBe(true);
    }
  });
});

describe("format and new write only regular record files inside data/", () => {
  it("recordPath refuses links on the way, links as files, and anything outside a record folder", () => {
    const outside = tempDir("sidelines-outside-");
    fs.mkdirSync(path.join(outside, "actors"));
    fs.writeFileSync(path.join(outside, "actors", "blue-state.yaml"), BLUE_STATE);
    const cases: Array<[string, (root: string) => void, string]> = [
      ["data/ is a link", (root) => fs.symlinkSync(outside, path.join(root, "data")), FILE],
      ["the record folder is a link", (root) => fs.symlinkSync(path.join(outside, "actors"), path.join(root, "data", "actors")), FILE],
      ["the file is a link", (root) => fs.symlinkSync(path.join(outside, "actors", "blue-state.yaml"), path.join(root, FILE)), FILE],
      ["the file is a folder", (root) => fs.mkdirSync(path.join(root, FILE)), FILE],
    ];
    for (const [name, setup, rel] of cases) {
      const root = makeTree({}, (r) => {
        if (!name.startsWith("data/ is")) fs.mkdirSync(path.join(r, "data", name.startsWith("the record folder") ? "" : "actors"), { recursive: true });
        setup(r);
      });
      expect(() => recordPath(root, rel), name).toThrow(UnsafeRecordPath);
      expect(() => writeRecordFile(root, rel, "id: x\n"), name).toThrow(UnsafeRecordPath);
      expect(() => writeRecordFile(root, rel, "id: x\n", { create: true }), name).toThrow(UnsafeRecordPath);
    }
    for (const rel of ["data/../x.yaml", "data/actors/../../x.yaml", "data/other/x.yaml", "data/actors/sub/x.yaml", "data/actors/x.yml", "x.yaml", "/etc/passwd", "data/actors/.yaml"]) {
      expect(() => recordPath(makeTree({}), rel), rel).toThrow(UnsafeRecordPath);
    }
    expect(fs.readFileSync(path.join(outside, "actors", "blue-state.yaml"), "utf8")).toBe(BLUE_STATE);
  });

  it("format leaves files outside the repository alone, whatever link leads there", { timeout: SPAWN_TIMEOUT * 2 }, async () => {
    const outside = tempDir("sidelines-outside-");
    const unformatted = lines("name: 'Blue'", "id: blue-state", "kind: state", "sources:", '  - url: "https://example.org/a"', "    publisher: Example");
    fs.writeFileSync(path.join(outside, "blue-state.yaml"), unformatted);
    const root = makeTree(withOverrides(BASE, { [FILE]: null }), (r) => fs.symlinkSync(path.join(outside, "blue-state.yaml"), path.join(r, FILE)));
    for (const args of [[], [FILE]]) {
      const r = await runScript("format", root, args);
      expect(r.stdout).not.toContain("formatted data/actors/blue-state.yaml");
      expect(fs.readFileSync(path.join(outside, "blue-state.yaml"), "utf8")).toBe(unformatted);
    }
    expect(snapshot(root)[FILE]).toBe(`link:${path.join(outside, "blue-state.yaml")}`);
  });

  it("new refuses a linked record folder and any write error in one line, writing nothing", { timeout: SPAWN_TIMEOUT * 3 }, async () => {
    const outside = tempDir("sidelines-outside-");
    const linked = makeTree({ "data/actors/blue-state.yaml": BLUE_STATE }, (r) => fs.symlinkSync(outside, path.join(r, "data", "meetings")));
    expectOneLineUsageError(await runScript("new", linked, ["meeting", "a-new-meeting"]), /^new: could not write data\/meetings\/a-new-meeting\.yaml: data\/meetings is a symbolic link/);
    expect(fs.readdirSync(outside)).toEqual([]);
    // A file where the folder should be, and a folder where the file should be: plain errors, no stack trace.
    const blocked = makeTree({ "data/meetings": "not a folder" });
    expectOneLineUsageError(await runScript("new", blocked, ["meeting", "a-new-meeting"]), /^new: could not write data\/meetings\/a-new-meeting\.yaml: data\/meetings is not a folder/);
    const dataIsFile = makeTree({ data: "not a folder" });
    expectOneLineUsageError(await runScript("new", dataIsFile, ["actor", "some-one"]), /^new: could not write data\/actors\/some-one\.yaml: data is not a folder/);
    expect(fs.readFileSync(path.join(dataIsFile, "data"), "utf8")).toBe("not a folder");
  });
});
