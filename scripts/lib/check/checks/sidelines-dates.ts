import type { Check } from "../types.ts";
import { dateField, lookup } from "../helpers.ts";
import { dayRange, isRealDate } from "../../partial-date.ts";

/** DATE003: a meeting on the sidelines of a forum edition overlaps that edition's dates. */
export const sidelinesDates: Check = {
  code: "DATE003",
  severity: "error",
  scope: "dataset",
  reads: { meeting: ["sidelines_of", "date", "end"], forum: ["editions/*/start", "editions/*/end"] },
  description: "A meeting on the sidelines of a forum edition falls within the edition's dates.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting" || typeof r.data.sidelines_of !== "string") continue;
      const edition = lookup(ctx, r.data.sidelines_of);
      const ed = edition?.type === "edition" ? edition.data() : undefined;
      const start = dateField(r.data.date);
      const edStart = dateField(ed?.start);
      if (!start || !edStart || !isRealDate(start) || !isRealDate(edStart)) continue;
      const end = dateField(r.data.end) ?? start;
      const edEnd = dateField(ed?.end) ?? edStart;
      if (!isRealDate(end) || !isRealDate(edEnd)) continue;
      const meeting = { from: dayRange(start).from, to: dayRange(end).to };
      const held = { from: dayRange(edStart).from, to: dayRange(edEnd).to };
      if (meeting.to < held.from || meeting.from > held.to) {
        ctx.report(r, "/date", `the meeting (${start.text}${end !== start ? ` to ${end.text}` : ""}) is outside \`${r.data.sidelines_of}\` (${edStart.text}${edEnd !== edStart ? ` to ${edEnd.text}` : ""})`);
      }
    }
  },
};
