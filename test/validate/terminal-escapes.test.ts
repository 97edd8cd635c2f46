/**
 * Nothing a record, a file name or an argument holds reaches a terminal as a control sequence: every
 * human-readable output goes through one escaping function (`visible`), and JSON output through
 * `jsonText`. A hostile key such as `"\e[2J\e[32m✓ 0 problems"` shows as text, not as a cleared screen
 * and a fake verdict.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { visible } from "../../scripts/lib/report/visible.ts";
import { indentedJsonText, jsonText } from "../../scripts/lib/json-text.ts";
import { formatHuman } from "../../scripts/lib/report/format-human.ts";
import { formatGithub } from "../../scripts/lib/report/format-github.ts";
import { formatJson } from "../../scripts/lib/report/format-json.ts";
import { codeFrame } from "../../scripts/lib/report/code-frame.ts";
import { diffMarkdown } from "../../scripts/lib/diff/format-diff.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { BASE, GREEN_STATE, makeTree, removeTrees, runCli, validateFiles, withOverrides } from "./helpers.ts";

afterAll(removeTrees);

/** Characters a terminal acts on or shows as nothing. */
const UNSAFE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]|\p{Cs}/u;
/** Anything but the line feeds that separate lines of output. */
const UNSAFE_IN_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Default_Ignorable_Code_Point}\u2028\u2029]|\p{Cs}/u;
const HOSTILE_KEY = String.raw`"\e[2J\e[H\e[32m✓ 0 problems\e[0m\u009b31m\u202Eevil\u2028next"`;
const HOSTILE_FILE = "data/actors/evil\x1b]0;pwned\x07\x1b[2J.yaml";

describe("visible()", () => {
  it("escapes every control, invisible and separator character, and leaves all other text as it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const shown = visible(s);
        expect(shown).not.toMatch(UNSAFE);
        if (!UNSAFE.test(s)) expect(shown).toBe(s);
      }),
      { numRuns: 2000 },
    );
    expect(visible("a\x1b[2Jb\u009b\u202E\u2028\u200B\ud800\r\n\t李尚福 😀")).toBe(String.raw`a\x1b[2Jb\x9b\u{202e}\u{2028}\u{200b}\u{d800}\r\n\t李尚福 😀`);
    expect(visible("one\ntwo\x07", { lines: true })).toBe("one\ntwo\\x07");
  });

  it("jsonText parses back to the same value and holds no raw C1 control or line separator", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, s) => {
        for (const v of [value, { [s]: s }]) {
          const text = jsonText(v, 2);
          expect(text).not.toMatch(UNSAFE_IN_OUTPUT);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("indentedJsonText, made from a value's compact jsonText, is jsonText's indented text, escapes and all", () => {
    const cases = [{ a: "plain" }, { a: "C1 \u009b, LS \u2028, ZWSP \u200b, TAG \u{e0041}" }, { a: "lone \ud800" }, { a: String.raw`text \u0041 in a string` }, { "\u202e": ["\x07", 1, null] }];
    for (const v of cases) expect(indentedJsonText(v, 2, jsonText(v))).toBe(jsonText(v, 2));
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, s) => {
        for (const v of [value, { [s]: [s, value] }]) expect(indentedJsonText(v, 2, `${jsonText(v)}\n`)).toBe(jsonText(v, 2));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("every formatter of the validator", () => {
  it("shows a hostile key, value and file name as escapes in the human, GitHub and JSON reports", async () => {
    const files = withOverrides(BASE, {
      "data/actors/green-state.yaml": GREEN_STATE.replace("country: GB", `country: GB\n${HOSTILE_KEY}: 1`),
      [HOSTILE_FILE]: GREEN_STATE,
    });
    const result = await validateFiles(files);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(2);
    const human = formatHuman(result.diagnostics, { root: result.root, color: false, filesChecked: result.filesChecked });
    const github = formatGithub(result.diagnostics, result.filesChecked);
    const json = formatJson(result.diagnostics, result.filesChecked);
    for (const [name, out] of Object.entries({ human, github, json })) {
      expect(out, name).not.toMatch(UNSAFE_IN_OUTPUT);
      expect(out, name).toContain(name === "json" ? "\\u001b[2J" : "\\x1b[2J");
    }
    expect(human).toContain(String.raw`evil\x1b]0;pwned\x07\x1b[2J.yaml`);
    expect(human).toContain(String.raw`\x1b[32m✓ 0 problems\x1b[0m\x9b31m\u{202e}evil\u{2028}next`);
    // A name the listing refuses (FILE010) is never read, and its diagnostic names it already escaped, so
    // that no report, JSON included, carries the control characters of a file name.
    expect((JSON.parse(json) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file)).toContain(String.raw`data/actors/evil\x1b]0;pwned\x07\x1b[2J.yaml`);
  });

  it("escapes the lines of a code frame, with the caret under the character it points at", () => {
    const frame = codeFrame(["key: \x1b[2Jvalue"], 1, 10);
    expect(frame).not.toMatch(UNSAFE_IN_OUTPUT);
    const [line, caret] = frame.split("\n");
    expect(line!.indexOf("value")).toBe(caret!.indexOf("^"));
  });

  it("puts the caret under the column on any line, short or escaped, and indents every line of the frame", () => {
    // Printable ASCII mostly, with the characters that are escaped or widened (a tab, ESC, U+202E, a lone surrogate).
    const text = fc.array(fc.constantFrom("a", " ", ":", "\t", "\x1b", "\u202e", "\ud800", "é"), { maxLength: 30 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (raw, col) => {
        const frame = codeFrame([raw], 1, col, "    ").split("\n");
        expect(frame.every((l) => l.startsWith("    "))).toBe(true);
        const shown = raw.replace(/\t/g, " ");
        if (visible(shown).length > 120) return;
        // One column past the text at most, and after the escapes of what comes before it.
        expect(frame[1]!.indexOf("^") - frame[0]!.indexOf("| ") - 2).toBe(visible(shown.slice(0, col - 1)).length);
      }),
    );
  });

  it(
    "the CLI prints the hostile key and file name as escapes, in colour and with GitHub annotations",
    async () => {
      const root = makeTree(withOverrides(BASE, { "data/actors/green-state.yaml": GREEN_STATE.replace("country: GB", `country: GB\n${HOSTILE_KEY}: 1`), [HOSTILE_FILE]: GREEN_STATE }));
      for (const args of [[], ["--format", "github"], ["--format", "json"]]) {
        const r = await runCli(root, args);
        expect(r.status, args.join(" ")).toBe(1);
        expect(r.stdout + r.stderr, args.join(" ")).not.toMatch(UNSAFE_IN_OUTPUT);
      }
    },
    120_000,
  );
});

describe("the other commands", () => {
  it(
    "format --check names a hostile file name in escapes",
    () => {
      const root = makeTree({ ...BASE, [HOSTILE_FILE]: GREEN_STATE.replace("name: Green State", "name: 'Green State'") });
      let out = "";
      try {
        execFileSync(process.execPath, ["--import", path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs"), path.join(ROOT, "scripts/format.ts"), "--check"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
      } catch (error) {
        out = String((error as { stdout?: string }).stdout ?? "") + String((error as { stderr?: string }).stderr ?? "");
      }
      expect(fs.existsSync(path.join(root, HOSTILE_FILE))).toBe(true);
      expect(out).toContain(String.raw`evil\x1b]0;pwned\x07\x1b[2J.yaml`);
      expect(out).not.toMatch(UNSAFE_IN_OUTPUT);
    },
    120_000,
  );

  it("the release notes of `diff` show hostile ids and values as escapes", () => {
    const md = diffMarkdown(
      { added: [{ type: "actor", id: "x\x1b[2J" }], removed: [], retired: [], changed: [{ type: "actor", id: "y", changes: [{ path: "name", before: "a\u009b1m", after: "b\u2028c" }] }] as never, schemaChanges: [], tombstones: [], derived: [], bump: "minor", reasons: [] },
      "v1\x1b[31m",
      "HEAD",
    );
    expect(md).not.toMatch(UNSAFE_IN_OUTPUT);
    expect(md).toContain(String.raw`x\x1b[2J`);
  });
});
