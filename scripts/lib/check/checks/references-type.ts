import type { Check } from "../types.ts";
import { refsOf } from "../helpers.ts";

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** REF002: a reference points at the right kind of thing (a participant is an actor, `sidelines_of` an edition). */
export const referencesType: Check = {
  code: "REF002",
  severity: "error",
  description: "Every reference points to a record of the type the field expects (as the schema's `x-refers-to` says).",
  run(ctx) {
    for (const r of ctx.records) {
      for (const { pointer, value, targets } of refsOf(ctx, r)) {
        const entries = typeof value === "string" ? ctx.index.get(value) : undefined;
        if (!entries || entries.length === 0) continue;
        if (entries.some((e) => targets.includes(e.type) || e.type === "tombstone")) continue;
        ctx.report(r, pointer, `\`${String(value)}\` is ${article(entries[0]!.type)}, but this field needs ${targets.map(article).join(" or ")}`);
      }
    }
  },
};
