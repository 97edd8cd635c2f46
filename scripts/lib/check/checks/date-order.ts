import type { Check, LoadedRecord } from "../types.ts";
import { asArray, dateField, knownBefore } from "../helpers.ts";
import type { RecordType } from "../../record-types.ts";

/** Pairs of fields where the second may not come before the first, per record type; `*` = each item. */
const PAIRS: Partial<Record<RecordType, Array<{ list?: string; start: string; end: string }>>> = {
  meeting: [{ start: "date", end: "end" }],
  sanction: [
    { start: "announced", end: "ended" },
    { start: "effective", end: "ended" },
    { start: "listed", end: "ended" },
  ],
  actor: [
    { start: "founded", end: "dissolved" },
    { list: "memberships", start: "start", end: "end" },
  ],
  forum: [{ list: "editions", start: "start", end: "end" }],
  incident: [{ start: "date", end: "end" }],
};

/**
 * DATE002: an end is not before its start. Partial dates compare as ranges, so `2023-05` is not
 * before `2023-05-29`; only a certain inversion is reported.
 */
export const dateOrder: Check = {
  code: "DATE002",
  severity: "error",
  scope: "record",
  description: "An end date is not before its start date (meeting, sanction, organisation, a state's membership, forum edition, incident), comparing partial dates as ranges.",
  run(ctx) {
    for (const r of ctx.records) {
      for (const pair of PAIRS[r.type] ?? []) {
        const holders: Array<{ base: string; obj: Record<string, unknown> }> = pair.list
          ? asArray(r.data[pair.list]).map((o, i) => ({ base: `/${pair.list}/${i}`, obj: o as Record<string, unknown> }))
          : [{ base: "", obj: r.data }];
        for (const { base, obj } of holders) checkPair(ctx.report, r, base, obj, pair.start, pair.end);
      }
    }
  },
};

function checkPair(report: Parameters<Check["run"]>[0]["report"], r: LoadedRecord, base: string, obj: Record<string, unknown>, startKey: string, endKey: string): void {
  const start = dateField(obj[startKey]);
  const end = dateField(obj[endKey]);
  if (start && end && knownBefore(end, start)) report(r, `${base}/${endKey}`, `\`${endKey}\` ${end.text} is before \`${startKey}\` ${start.text}`);
}
