import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";

/**
 * CONS006: a forum edition records each state's delegation once, so that "who led it" has one answer
 * (a list of the years a minister stayed away must not count a state twice, or both ways).
 */
export const delegationsOnce: Check = {
  code: "CONS006",
  severity: "error",
  scope: "record",
  description: "A forum edition lists each state's delegation once.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "forum") continue;
      asArray(r.data.editions).forEach((e, i) => {
        const first = new Map<string, number>();
        asArray(asObject(e).delegations).forEach((d, j) => {
          const state = asObject(d).state;
          if (typeof state !== "string") return;
          const earlier = first.get(state);
          if (earlier === undefined) first.set(state, j);
          else ctx.report(r, `/editions/${i}/delegations/${j}/state`, `\`${state}\`'s delegation is already delegation ${earlier + 1} of this edition`, { tip: "one entry per state: who led its delegation, with the other names in `note`" });
        });
      });
    }
  },
};
