import type { Check } from "../types.ts";
import { asArray, dateField, knownBefore } from "../helpers.ts";

/** DATE004: a person's position does not end before it starts. */
export const positionsOrder: Check = {
  code: "DATE004",
  severity: "error",
  scope: "record",
  description: "A person's position does not end before it starts.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "actor") continue;
      asArray(r.data.positions).forEach((p, i) => {
        const pos = p as Record<string, unknown>;
        const start = dateField(pos.start);
        const end = dateField(pos.end);
        if (start && end && knownBefore(end, start)) {
          ctx.report(r, `/positions/${i}/end`, `position "${String(pos.title)}" ends (${end.text}) before it starts (${start.text})`);
        }
      });
    }
  },
};
