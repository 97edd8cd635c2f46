/**
 * Partial dates in the tables, typed honestly. The column itself keeps the text as the records give it
 * (`2023`, `early 2023-05`, `before 2018-09-22`: a string with the schema's pattern), and three derived
 * columns follow it: `<name>_from` and `<name>_to`, the first and last day it may mean (typed `date`, so
 * that SQL date arithmetic and comparisons work; empty for an open end), and `<name>_edtf`, the same
 * date in the Extended Date/Time Format (ISO 8601-2), which archival and humanities tools read:
 * `2023~` for "circa 2023", `../2018-09-22` for "before 2018-09-22", `2018-09-22/..` for "after", and
 * the interval of days for "early", "mid" and "late".
 */
import { dayRange, parsePartialDate, type PartialDate } from "../../partial-date.ts";

/** A day number (days since 1970-01-01) as `YYYY-MM-DD`, or undefined for an open end. */
export function isoDay(day: number): string | undefined {
  if (!Number.isFinite(day)) return undefined;
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** The date without its qualifier: `2023`, `2023-05` or `2023-05-29`. */
const bare = (d: PartialDate): string => d.text.replace(/^[a-z]+ /, "");

/** The EDTF (ISO 8601-2) form of a partial date. */
export function edtfOf(d: PartialDate): string {
  switch (d.qualifier) {
    case undefined:
      return bare(d);
    case "circa":
      return `${bare(d)}~`;
    case "before":
      return `../${bare(d)}`;
    case "after":
      return `${bare(d)}/..`;
    default: {
      // early, mid, late: the third of the period they name, as an interval of days.
      const { from, to } = dayRange(d);
      return `${isoDay(from)}/${isoDay(to)}`;
    }
  }
}

export type DatePart = "from" | "to" | "edtf";

/** One derived value of a partial date (text from a record), or undefined when there is none. */
export function dateDerived(text: unknown, part: DatePart): string | undefined {
  if (typeof text !== "string") return undefined;
  const d = parsePartialDate(text);
  if (!d) return undefined;
  if (part === "edtf") return edtfOf(d);
  const { from, to } = dayRange(d);
  return isoDay(part === "from" ? from : to);
}

export const DATE_PART_DESCRIPTIONS: Record<DatePart, string> = {
  from: "The first day the date in the column before may mean (a derived ISO 8601 day, for date arithmetic and comparisons); empty when it is open (\"before …\") or absent.",
  to: "The last day the date may mean (a derived ISO 8601 day); empty when it is open (\"after …\") or absent.",
  edtf: "The same date in the Extended Date/Time Format (EDTF, ISO 8601-2): `2023~` circa, `../2018-09-22` before, `2018-09-22/..` after, an interval of days for early/mid/late.",
};
