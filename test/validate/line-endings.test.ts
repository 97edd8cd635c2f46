/**
 * Files whose lines end in a lone CR: the line-ending problem is reported once (FILE009), and every
 * other problem at its true line — no cascade of YAML001 at line 1, no false long-line error.
 */
import { afterAll, describe, expect, it } from "vitest";
import { formatHuman } from "../../scripts/lib/report/format-human.ts";
import { BASE, GREEN_STATE, removeTrees, validateFiles, withOverrides } from "./helpers.ts";
import { LIMITS } from "../../scripts/lib/load/limits.ts";

afterAll(removeTrees);

const GREEN = "data/actors/green-state.yaml";
const at = (ds: ReadonlyArray<{ file: string; line: number; col: number; code: string }>): string[] => ds.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`);

// Long enough that, read as one line, it would pass the line-length limit.
const LONG_SUMMARY = `summary: ${"word ".repeat(Math.ceil(LIMITS.maxLineLength / 10))}`;
const LINES = [...GREEN_STATE.trimEnd().split("\n").map((l) => (l === "country: GB" ? "country: XX" : l)), LONG_SUMMARY, LONG_SUMMARY.replace("summary", "colour")];
/** The unknown field `colour` is on the last line. */
const COLOUR_LINE = LINES.length;

describe("lone CR line endings", () => {
  for (const [name, text] of [
    ["every line ends in CR", LINES.join("\r")],
    ["CRLF, then lone CRs from line 3", `${LINES.slice(0, 2).join("\r\n")}\r\n${LINES.slice(2).join("\r")}`],
  ] as const) {
    it(`${name}: one FILE009, the other problems at their own lines`, async () => {
      const result = await validateFiles(withOverrides(BASE, { [GREEN]: `${text}\r` }));
      const firstCr = name.startsWith("every") ? "1:16" : "3:18";
      expect(at(result.diagnostics)).toEqual([`${GREEN}:${firstCr} FILE009`, `${GREEN}:4:10 CTRY001`, `${GREEN}:${COLOUR_LINE}:1 SCH002`]);
      // The report's code frame shows the line the error is on.
      const human = formatHuman(result.diagnostics, { root: result.root, color: false, filesChecked: result.filesChecked });
      expect(human).toContain("> 4 | country: XX");
    });
  }
});
