/**
 * The YAML mistakes contributors make, each with its message in plain words, a tip that says the fix,
 * and the line to change (not the line above, where the parser notices). One case per mistake, with
 * the exact diagnostics expected.
 */
import { afterAll, describe, expect, it } from "vitest";
import { BASE, removeTrees, TALKS_2021, validateFiles, withOverrides } from "./helpers.ts";

afterAll(removeTrees);

const TALKS = "data/meetings/talks-2021.yaml";

/** TALKS_2021 with line `n` (1-based) replaced by the given lines. */
function talksWith(n: number, ...replacement: string[]): string {
  const ls = TALKS_2021.trimEnd().split("\n");
  ls.splice(n - 1, 1, ...replacement);
  return `${ls.join("\n")}\n`;
}

interface Case {
  name: string;
  text: string;
  expected: Array<{ line: number; col: number; code: string; message: string; tip: string }>;
}

const CASES: Case[] = [
  {
    name: "an unquoted `: ` inside a value",
    text: talksWith(2, "title: China said: no talks"),
    expected: [{ line: 2, col: 8, code: "YAML001", message: "the value of `title` contains `: ` (a colon and a space), which YAML reads as the start of another key", tip: "quote the whole value: title: 'China said: no talks'" }],
  },
  {
    name: "an unquoted `: ` inside a list item's value, with a quote to double",
    text: talksWith(9, "    role: principal", "notes:", "  - field: date", "    text: Reuters' wording: the 2nd"),
    expected: [{ line: 12, col: 11, code: "YAML001", message: "the value of `text` contains `: ` (a colon and a space), which YAML reads as the start of another key", tip: "quote the whole value:     text: 'Reuters'' wording: the 2nd'" }],
  },
  {
    name: "a key indented one space more than the key above",
    text: talksWith(9, "     role: principal"),
    expected: [{ line: 9, col: 1, code: "YAML001", message: "`role` is indented 5 spaces, 1 more than `actor` on the line above, so YAML reads it as part of that value", tip: "indent `role` by 4 spaces, like `actor`" }],
  },
  {
    name: "a top-level key indented one space",
    text: talksWith(3, " kind: meeting"),
    expected: [{ line: 3, col: 1, code: "YAML001", message: "`kind` is indented 1 space, 1 more than `title` on the line above, so YAML reads it as part of that value", tip: "indent `kind` by 0 spaces, like `title`" }],
  },
  {
    name: "a key indented one space less than the keys of its list item",
    text: talksWith(9, "   role: principal"),
    expected: [{ line: 9, col: 1, code: "YAML001", message: "`role` is indented 3 spaces, 1 fewer than the keys of the list item above (4)", tip: "indent `role` by 4 spaces, like the keys above it" }],
  },
  {
    name: "keys that belong under a parent, not indented",
    text: talksWith(5, "date: 2021-06-02", "location:", "city: Singapore"),
    expected: [
      { line: 6, col: 10, code: "SCH003", message: "`location` should be a mapping, but is nothing (null)", tip: "Where something happened or is held." },
      { line: 7, col: 1, code: "SCH002", message: "unknown field `city` at this level; it is a field of `location`", tip: "indent `city:` under `location:` (two more spaces than `location`)" },
    ],
  },
  {
    name: "a tab used for indentation",
    text: talksWith(8, "\t- actor: ann-example"),
    expected: [{ line: 8, col: 1, code: "YAML009", message: "a tab is used for indentation; YAML needs spaces", tip: "replace the tab with spaces" }],
  },
  {
    name: "a missing space after `:`",
    text: talksWith(3, "kind:meeting"),
    expected: [{ line: 3, col: 5, code: "YAML001", message: "`kind:meeting` has no space after the colon, so YAML does not read `kind` as a key", tip: "put a space after the colon: `kind: meeting`" }],
  },
  {
    name: "a missing space after `:` in a nested key, which YAML reads as text",
    text: talksWith(5, "date: 2021-06-02", "location:", "  city:Singapore"),
    expected: [{ line: 7, col: 3, code: "SCH003", message: "`location` should be a mapping, but is text", tip: "a space is missing after the colon: write `city: Singapore` on its own line, indented under the key" }],
  },
  {
    name: "a list item where a mapping was expected",
    text: talksWith(5, "date: 2021-06-02", "- end: 2021-06-03"),
    expected: [{ line: 6, col: 1, code: "YAML001", message: "a list item (`- `) where the mapping around it expects `key: value` lines", tip: "remove the `- `, or start the list on its own key (`key:` followed by indented `- ` items)" }],
  },
];

describe("YAML mistakes in plain words, at the line to change", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await validateFiles(withOverrides(BASE, { [TALKS]: c.text }));
      expect(result.diagnostics.map(({ line, col, code, message, tip }) => ({ line, col, code, message, tip }))).toEqual(c.expected);
    });
  }
});
