/**
 * TEXT003 tests prose with its five patterns only when one cheap scan (MAY_REFER) finds a candidate:
 * every text any pattern matches must be found by that scan, or a reference would go unreported.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERNAL_REFERENCES, internalReference, MAY_REFER } from "../../scripts/lib/check/checks/standalone-text.ts";

/** Pieces that make the patterns match, and text around them. */
const PIECES = ["fact sheet", "Fact-sheets", "factsheet", "recall list", "see internal", "per our internal", "internal memo", "Internal research", "research notes", "editors' notes", "our notes", "(P-17)", "( FO-1,", "item M-3", "rows AB-12", "see X-1", "S-400", "J-20s", "notes", "the", " ", "\n", ",", ")", "(", "-", "1", "A", "z", "é", "国"];

describe("TEXT003's screen", () => {
  it("finds every text that one of the patterns matches", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        if (INTERNAL_REFERENCES.some(({ pattern }) => pattern.test(text))) expect(MAY_REFER.test(text)).toBe(true);
        expect(internalReference(text)).toBe(INTERNAL_REFERENCES.find(({ pattern }) => pattern.test(text)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("passes plain prose at once", () => {
    expect(MAY_REFER.test("The ministers met on the sidelines of the Shangri-La Dialogue in June 2024.")).toBe(false);
  });
});
