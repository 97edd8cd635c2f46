import type { Check } from "../types.ts";
import { asArray, dateField, lookup } from "../helpers.ts";
import { dayRange, isRealDate } from "../../partial-date.ts";

/**
 * CONS001 (warning): a person who took part in a meeting held a recorded position at the time. Only for
 * people with positions recorded, since missing positions may just be incomplete data.
 */
export const participantPositions: Check = {
  code: "CONS001",
  severity: "warning",
  description: "A person taking part in a meeting has a recorded position that covers the meeting date (checked only for people with positions recorded).",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting") continue;
      const date = dateField(r.data.date);
      if (!date || !isRealDate(date)) continue;
      const when = dayRange(date);
      asArray(r.data.participants).forEach((p, i) => {
        const actorId = String((p as Record<string, unknown>).actor);
        const actor = lookup(ctx, actorId);
        const data = actor?.type === "actor" ? actor.data() : undefined;
        const positions = asArray(data?.positions) as Array<Record<string, unknown>>;
        if (data?.kind !== "person" || positions.length === 0) return;
        const covered = positions.some((pos) => {
          const start = dateField(pos.start);
          const end = dateField(pos.end);
          if (!start || !isRealDate(start)) return true; // cannot tell; do not warn
          const from = dayRange(start).from;
          const to = end && isRealDate(end) ? dayRange(end).to : Infinity;
          return from <= when.to && to >= when.from;
        });
        if (!covered) ctx.report(r, `/participants/${i}/actor`, `none of the recorded positions of \`${actorId}\` covers ${date.text}`, { tip: `add the position held then to data/actors/${actorId}.yaml` });
      });
    }
  },
};
