import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";

/** SRC004: claims, status changes, memberships and delegations cite sources by `key`; each key is defined once and every citation resolves. */
export const sourceKeys: Check = {
  code: "SRC004",
  severity: "error",
  scope: "record",
  description: "Source keys are unique within a record, and every `source` a claim, status change or membership cites is the `key` of one of the record's sources (for a forum edition's delegation: of the edition's or the forum's sources).",
  run(ctx) {
    for (const r of ctx.records) {
      const keys = new Map<string, number>();
      asArray(r.data.sources).forEach((s, i) => {
        const key = asObject(s).key;
        if (typeof key !== "string") return;
        if (keys.has(key)) ctx.report(r, `/sources/${i}/key`, `source key \`${key}\` is already used by source ${keys.get(key)! + 1}`);
        else keys.set(key, i);
      });
      const cite = (pointer: string, key: unknown, also: readonly string[] = []): void => {
        if (typeof key === "string" && !keys.has(key) && !also.includes(key)) {
          const known = [...keys.keys(), ...also];
          ctx.report(r, pointer, `no source has the key \`${key}\``, { tip: known.length ? `keys in this record: ${known.join(", ")}` : "give the cited source a `key:`" });
        }
      };
      asArray(r.data.claims).forEach((c, i) => cite(`/claims/${i}/source`, asObject(c).source));
      asArray(r.data.status_history).forEach((c, i) => cite(`/status_history/${i}/source`, asObject(c).source));
      asArray(r.data.memberships).forEach((c, i) => cite(`/memberships/${i}/source`, asObject(c).source));
      // A forum edition's delegations cite the edition's own sources or the forum's.
      asArray(r.data.editions).forEach((e, i) => {
        const edition = asObject(e);
        const own = asArray(edition.sources).flatMap((s) => (typeof asObject(s).key === "string" ? [asObject(s).key as string] : []));
        asArray(edition.delegations).forEach((d, j) => cite(`/editions/${i}/delegations/${j}/source`, asObject(d).source, own));
      });
    }
  },
};
