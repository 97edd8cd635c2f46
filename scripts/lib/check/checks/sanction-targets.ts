import type { Check } from "../types.ts";
import { asArray, dateField, lookup } from "../helpers.ts";
import { certainlyBefore, isRealDate } from "../../partial-date.ts";

/** CONS002 (warning): a sanction target still existed when the sanction was announced. */
export const sanctionTargets: Check = {
  code: "CONS002",
  severity: "warning",
  scope: "dataset",
  reads: { sanction: ["announced", "targets/*/actor"], actor: ["dissolved"] },
  description: "A sanction's target was not dissolved before the sanction was announced.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "sanction") continue;
      const announced = dateField(r.data.announced);
      if (!announced || !isRealDate(announced)) continue;
      asArray(r.data.targets).forEach((t, i) => {
        const id = String((t as Record<string, unknown>).actor);
        const target = lookup(ctx, id);
        const dissolved = dateField(target?.type === "actor" ? target.data()?.dissolved : undefined);
        if (dissolved && isRealDate(dissolved) && certainlyBefore(dissolved, announced)) {
          ctx.report(r, `/targets/${i}/actor`, `\`${id}\` was dissolved (${dissolved.text}) before this sanction was announced (${announced.text})`);
        }
      });
    }
  },
};
