import type { Check } from "../types.ts";
import { asArray, asObject, dateField, knownBefore, lookup } from "../helpers.ts";

/**
 * DATE006: a cause comes before its effect. An incident that a status change cites as its reason
 * began no later than the step: a refusal on 2022-08-05 cannot be caused by a visit of 2022-09.
 * Partial dates compare as ranges, so only a certain inversion is reported.
 */
export const incidentDates: Check = {
  code: "DATE006",
  severity: "error",
  scope: "dataset",
  reads: { meeting: ["status_history/*/date", "status_history/*/incidents"], incident: ["date"] },
  description: "An incident a meeting's status change cites as its reason began no later than that step.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting") continue;
      asArray(r.data.status_history).forEach((s, i) => {
        const step = asObject(s);
        const stepDate = dateField(step.date);
        if (!stepDate) return;
        asArray(step.incidents).forEach((id, k) => {
          const entry = typeof id === "string" ? lookup(ctx, id) : undefined;
          const began = entry?.type === "incident" ? dateField(entry.data()?.date) : undefined;
          if (began && knownBefore(stepDate, began)) {
            ctx.report(r, `/status_history/${i}/incidents/${k}`, `\`${String(id)}\` began ${began.text}, after this step (${stepDate.text}) that cites it as the reason`, { tip: "check both dates against the sources, or cite the incident that came first" });
          }
        });
      });
    }
  },
};
