import type { Check } from "../types.ts";
import { asArray, asObject, valueAtPath } from "../helpers.ts";

/** How a claimed or recorded value compares with another: text loosely, numbers and booleans exactly. */
const comparable = (v: unknown): string => (typeof v === "string" ? v.trim().toLowerCase() : JSON.stringify(v));

/**
 * SRC007: when sources disagree, a reader must be able to see each one's words. Claims about one field
 * conflict when they give two or more values, counting the field's own value when it has one.
 */
export const claimQuotes: Check = {
  code: "SRC007",
  severity: "error",
  scope: "record",
  description: "Where a record holds conflicting `claims` for one field (two or more values, counting the field's own), each of them carries a `quote` from its source.",
  run(ctx) {
    for (const r of ctx.records) {
      const byField = new Map<string, Array<{ claim: Record<string, unknown>; index: number }>>();
      asArray(r.data.claims).forEach((c, index) => {
        const claim = asObject(c);
        if (typeof claim.field !== "string") return;
        const list = byField.get(claim.field) ?? [];
        list.push({ claim, index });
        byField.set(claim.field, list);
      });
      for (const [field, claims] of byField) {
        const values = new Set(claims.map(({ claim }) => comparable(claim.value)));
        const own = valueAtPath(r.data, field);
        if (own !== undefined && (typeof own !== "object" || own === null)) values.add(comparable(own));
        if (values.size < 2) continue;
        for (const { claim, index } of claims) {
          if (claim.quote === undefined) {
            ctx.report(r, `/claims/${index}`, `claims about \`${field}\` disagree, and this one has no \`quote\` from its source`, { tip: "add `quote:` with the source's own words for this value" });
          }
        }
      }
    }
  },
};
