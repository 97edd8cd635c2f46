/**
 * Partial dates (`2023`, `2023-05`, `2023-05-29`, optionally `early 2023-05`) as day ranges, so that
 * dates of different precision compare correctly: `2023-05` is every day of May 2023, and one date is
 * "before" another only when every day it may mean is before every day the other may mean.
 */
export type Qualifier = "early" | "mid" | "late" | "circa" | "before" | "after";

export interface PartialDate {
  text: string;
  qualifier?: Qualifier;
  year: number;
  month?: number;
  day?: number;
  precision: "year" | "month" | "day";
}

const PATTERN = /^(?:(early|mid|late|circa|before|after) )?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// Datasets repeat the same dates many times over; parsing each distinct string once keeps the
// cross-record checks linear with a small constant. Parsed dates are treated as immutable.
const parsed = new Map<string, PartialDate | undefined>();

export function parsePartialDate(text: string): PartialDate | undefined {
  let hit = parsed.get(text);
  if (hit === undefined && !parsed.has(text)) {
    hit = parseUncached(text);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(text, hit);
  }
  return hit;
}

function parseUncached(text: string): PartialDate | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [, q, y, mo, d] = m;
  return {
    text,
    ...(q ? { qualifier: q as Qualifier } : {}),
    year: Number(y),
    ...(mo ? { month: Number(mo) } : {}),
    ...(d ? { day: Number(d) } : {}),
    precision: d ? "day" : mo ? "month" : "year",
  };
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar, for every year including 0000–0099. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const real = new WeakMap<PartialDate, boolean>();

/** Whether the date exists in the calendar (`2023-02-30` does not). */
export function isRealDate(d: PartialDate): boolean {
  let answer = real.get(d);
  if (answer === undefined) {
    answer = d.month !== undefined && (d.month < 1 || d.month > 12) ? false : d.day !== undefined ? d.day >= 1 && d.day <= daysInMonth(d.year, d.month!) : true;
    real.set(d, answer);
  }
  return answer;
}

/**
 * Days since 1970-01-01 of a day of the proleptic Gregorian calendar, in integer arithmetic. Not
 * `Date.UTC`, which reads years 0–99 as 1900–1999 (so `'0099'` would come after `'1950'`).
 */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar year of a day number (days since 1970), the inverse of `dayNumber`. */
export function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** The first and last day (as day numbers since 1970) the date may mean. */
const ranges = new WeakMap<PartialDate, { from: number; to: number }>();

export function dayRange(d: PartialDate): { from: number; to: number } {
  let r = ranges.get(d);
  if (!r) ranges.set(d, (r = dayRangeUncached(d)));
  return r;
}

function dayRangeUncached(d: PartialDate): { from: number; to: number } {
  let from: number;
  let to: number;
  if (d.precision === "day") from = to = dayNumber(d.year, d.month!, d.day!);
  else if (d.precision === "month") {
    from = dayNumber(d.year, d.month!, 1);
    to = dayNumber(d.year, d.month!, daysInMonth(d.year, d.month!));
  } else {
    from = dayNumber(d.year, 1, 1);
    to = dayNumber(d.year, 12, 31);
  }
  const span = to - from + 1;
  switch (d.qualifier) {
    case "early":
      return { from, to: from + Math.floor(span / 3) };
    case "mid":
      return { from: from + Math.floor(span / 3), to: to - Math.floor(span / 3) };
    case "late":
      return { from: to - Math.floor(span / 3), to };
    case "circa": {
      const slack = d.precision === "year" ? 366 : d.precision === "month" ? 31 : 7;
      return { from: from - slack, to: to + slack };
    }
    case "before":
      return { from: -Infinity, to: from - 1 };
    case "after":
      return { from: to + 1, to: Infinity };
    default:
      return { from, to };
  }
}

/** True only when `a` is certainly before `b` (every day of `a` precedes every day of `b`). */
export function certainlyBefore(a: PartialDate, b: PartialDate): boolean {
  return dayRange(a).to < dayRange(b).from;
}
