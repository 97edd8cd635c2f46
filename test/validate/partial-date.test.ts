/**
 * Date arithmetic for every year the schema allows, 0000–9999: `Date.UTC` reads years 0–99 as
 * 1900–1999, so the day numbers are checked against `setUTCFullYear`, which does not.
 */
import { describe, expect, it } from "vitest";
import { certainlyBefore, dayNumber, daysInMonth, parsePartialDate, yearOfDay } from "../../scripts/lib/partial-date.ts";

const reference = (y: number, m: number, d: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime() / 86_400_000;
};

describe("partial-date arithmetic", () => {
  it("day numbers, years of days and month lengths are right for years 0000–2100", () => {
    const wrong: string[] = [];
    for (let y = 0; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        const last = new Date(0);
        last.setUTCFullYear(y, m, 0);
        if (daysInMonth(y, m) !== last.getUTCDate()) wrong.push(`daysInMonth(${y}, ${m})`);
        for (const d of [1, daysInMonth(y, m)]) {
          if (dayNumber(y, m, d) !== reference(y, m, d)) wrong.push(`dayNumber(${y}, ${m}, ${d})`);
          if (yearOfDay(dayNumber(y, m, d)) !== y) wrong.push(`yearOfDay(${y}-${m}-${d})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("'0099' is before '1950', and '0004-02-29' exists", () => {
    expect(certainlyBefore(parsePartialDate("0099")!, parsePartialDate("1950")!)).toBe(true);
    expect(certainlyBefore(parsePartialDate("1950")!, parsePartialDate("0099")!)).toBe(false);
    expect(daysInMonth(4, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});
