/**
 * Strings for checking `maxLength`/`minLength` verdicts (scripts/lib/schemas.ts lengthsFromUnits): short
 * ones (minLength 1), and ones about 2,000 characters long (maxLength 2000) whose last few UTF-16 units
 * may be astral characters (two units, one character) or lone surrogates (one unit, one character).
 */
import fc from "fast-check";

const unit = fc.constantFrom("x", "é", " ", "😀", "\uD83D", "\uDE00");

export const nearLimitText = fc.oneof(
  fc.array(unit, { maxLength: 3 }).map((units) => units.join("")),
  fc.tuple(fc.integer({ min: 1992, max: 2004 }), fc.array(unit, { maxLength: 6 })).map(([n, units]) => "x".repeat(n) + units.join("")),
);
