import type { Check } from "../types.ts";
import { asArray, dateField, lookup } from "../helpers.ts";
import { dayRange, isRealDate } from "../../partial-date.ts";

// A person takes part in many meetings; work out the days their positions cover once per person.
const termsCache = new WeakMap<Record<string, unknown>, Array<{ from: number; to: number }> | undefined>();

/**
 * The day ranges a person's recorded positions cover, or undefined when there is nothing to check: not
 * a person, no positions, or a position whose start is unknown (it might cover any date).
 */
function termsOf(actor: Record<string, unknown>): Array<{ from: number; to: number }> | undefined {
  if (termsCache.has(actor)) return termsCache.get(actor);
  const positions = asArray(actor.positions) as Array<Record<string, unknown>>;
  let terms: Array<{ from: number; to: number }> | undefined = [];
  if (actor.kind !== "person" || positions.length === 0) terms = undefined;
  for (const pos of positions) {
    const start = dateField(pos.start);
    const end = dateField(pos.end);
    if (!start || !isRealDate(start)) terms = undefined;
    if (!terms) break;
    terms.push({ from: dayRange(start!).from, to: end && isRealDate(end) ? dayRange(end).to : Infinity });
  }
  termsCache.set(actor, terms);
  return terms;
}

/**
 * CONS001 (warning): a person who took part in a meeting held a recorded position at the time. Only for
 * people with positions recorded, since missing positions may just be incomplete data.
 */
export const participantPositions: Check = {
  code: "CONS001",
  severity: "warning",
  scope: "dataset",
  reads: { meeting: ["date", "participants/*/actor"], actor: ["kind", "positions/*/start", "positions/*/end"] },
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
        const terms = data ? termsOf(data) : undefined;
        if (!terms) return;
        const covered = terms.some((t) => t.from <= when.to && t.to >= when.from);
        if (!covered) ctx.report(r, `/participants/${i}/actor`, `none of the recorded positions of \`${actorId}\` covers ${date.text}`, { tip: `add the position held then to data/actors/${actorId}.yaml` });
      });
    }
  },
};
