/**
 * The loader scans a file's text once with ANY_UNUSUAL and runs FORBIDDEN_IN_FILE (FILE005) and
 * ANY_IGNORABLE (TEXT002's screen) only when it finds something: it must find every character either
 * of them would.
 */
import { describe, expect, it } from "vitest";
import { ANY_IGNORABLE, ANY_UNUSUAL, FORBIDDEN_IN_FILE } from "../../scripts/lib/load/forbidden-chars.ts";

describe("the one scan for unusual characters", () => {
  it("finds every code point that FORBIDDEN_IN_FILE or ANY_IGNORABLE finds", () => {
    const missed: string[] = [];
    let found = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!FORBIDDEN_IN_FILE.test(ch) && !ANY_IGNORABLE.test(ch)) continue;
      found++;
      if (!ANY_UNUSUAL.test(`text ${ch} text`)) missed.push(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`);
    }
    expect(found).toBeGreaterThan(4000);
    expect(missed).toEqual([]);
  });

  it("finds nothing in plain text, tabs and line breaks", () => {
    expect(ANY_UNUSUAL.test("id: a\n\ttitle: Ministers meet — 国防部 «talks»\r\n")).toBe(false);
  });
});
