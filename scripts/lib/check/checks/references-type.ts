import type { Check } from "../types.ts";
import { unusualRefs } from "../helpers.ts";

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** REF002: a reference points at the right kind of thing (a participant is an actor, `sidelines_of` an edition). */
export const referencesType: Check = {
  code: "REF002",
  severity: "error",
  scope: "dataset",
  reads: {},
  description: "Every reference points to a record of the type the field expects (as the schema's `x-refers-to` says).",
  run(ctx) {
    for (const { record, pointer, value, targets } of unusualRefs(ctx)) {
      const entries = ctx.index.get(value);
      if (!entries || entries.length === 0) continue;
      if (entries.some((e) => targets.includes(e.type) || e.type === "tombstone")) continue;
      ctx.report(record, pointer, `\`${value}\` is ${article(entries[0]!.type)}, but this field needs ${targets.map(article).join(" or ")}`);
    }
  },
};
