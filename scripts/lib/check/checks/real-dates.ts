import type { Check } from "../types.ts";
import { forEachDate } from "../helpers.ts";
import { isRealDate } from "../../partial-date.ts";

/** DATE001: the schema checks a date's form; only the calendar knows that February has no 30th. */
export const realDates: Check = {
  code: "DATE001",
  severity: "error",
  scope: "record",
  description: "Every date exists in the calendar (`2023-02-30` does not).",
  run(ctx) {
    for (const r of ctx.records) {
      forEachDate(ctx, r, (date, pointer) => {
        if (!isRealDate(date)) ctx.report(r, pointer(), `\`${date.text}\` is not a real date`);
      });
    }
  },
};
