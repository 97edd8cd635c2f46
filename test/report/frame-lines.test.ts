/**
 * The per-file stage keeps the lines code frames show by cutting them out of the file's text
 * (keptFrameLinesOfText) instead of splitting the whole text: it must keep what splitting keeps, for
 * any line ends (LF, CRLF, lone CR) and any diagnostic lines, including past the end of the file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { keptFrameLines, keptFrameLinesOfText, splitLines } from "../../scripts/lib/report/frame-lines.ts";

const at = (line: number, code = "SRC006"): Diagnostic => ({ file: "data/x.yaml", line, col: 1, severity: "warning", code, message: "m" });

describe("frame lines cut out of a file's text", () => {
  it("keeps what splitting the text keeps", () => {
    const piece = fc.constantFrom("a", "key: value", "  - b", "", " ", "é", "\n", "\n", "\n", "\r\n", "\r");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 4 }), fc.boolean(), (parts, lines, fileLevel) => {
        const text = parts.join("");
        const list = lines.map((n, i) => at(n, fileLevel && i === 0 ? "FILE009" : "SRC006"));
        expect(keptFrameLinesOfText(text, list)).toEqual(keptFrameLines(splitLines(text), list));
      }),
      { numRuns: 20_000 },
    );
  });

  it("keeps the last line of a text with no final line feed, and counts an empty last line", () => {
    expect(keptFrameLinesOfText("a: 1\nb: 2", [at(2)])).toEqual({ count: 2, lines: { 1: "a: 1", 2: "b: 2" } });
    expect(keptFrameLinesOfText("a: 1\nb: 2\n", [at(3)])).toEqual({ count: 3, lines: { 2: "b: 2", 3: "" } });
  });
});
