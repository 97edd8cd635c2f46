import type { Check } from "../types.ts";
import { datesOf } from "../helpers.ts";
import { isRealDate } from "../../partial-date.ts";

/** DATE001: the schema checks a date's form; only the calendar knows that February has no 30th. */
export const realDates: Check = {
  code: "DATE001",
  severity: "error",
  description: "Every date exists in the calendar (`2023-02-30` does not).",
  run(ctx) {
    for (const r of ctx.records) {
      for (const { pointer, date } of datesOf(ctx, r)) {
        if (!isRealDate(date)) ctx.report(r, pointer, `\`${date.text}\` is not a real date`);
      }
    }
  },
};
