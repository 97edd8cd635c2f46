import type { Check } from "../types.ts";
import { asArray, dateField, knownBefore } from "../helpers.ts";

/** DATE005: a meeting's status history is in date order. */
export const statusHistoryOrder: Check = {
  code: "DATE005",
  severity: "error",
  scope: "record",
  description: "A meeting's status history is in date order, oldest first.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting") continue;
      const steps = asArray(r.data.status_history) as Array<Record<string, unknown>>;
      for (let i = 1; i < steps.length; i++) {
        const prev = dateField(steps[i - 1]!.date);
        const cur = dateField(steps[i]!.date);
        if (prev && cur && knownBefore(cur, prev)) {
          ctx.report(r, `/status_history/${i}/date`, `step ${i + 1} (${cur.text}) is dated before step ${i} (${prev.text}); list the history oldest first`);
        }
      }
    }
  },
};

/** STAT001: the history ends where the record says the meeting stands. */
export const statusHistoryEnds: Check = {
  code: "STAT001",
  severity: "error",
  scope: "record",
  description: "A meeting's status history ends in the meeting's `status`.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting") continue;
      const steps = asArray(r.data.status_history) as Array<Record<string, unknown>>;
      const last = steps[steps.length - 1];
      if (last && last.status !== r.data.status) {
        ctx.report(r, "/status", `status is \`${String(r.data.status)}\`, but the last step of status_history is \`${String(last.status)}\``, { tip: "add the step that led to the current status, or correct `status`" });
      }
    }
  },
};
