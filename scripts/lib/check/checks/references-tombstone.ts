import type { Check } from "../types.ts";
import { asArray, unusualRefs } from "../helpers.ts";
import { entryType } from "./references-type.ts";

/**
 * REF003: a reference to a retired id still resolves (consumers follow tombstones), but the data should
 * point at the current record. A warning, because the fix may need judgement when a record was split.
 */
export const referencesTombstone: Check = {
  code: "REF003",
  severity: "warning",
  scope: "dataset",
  reads: { tombstone: ["to", "change", "type"] },
  description: "A reference names a retired id (a tombstone); point it at the record that replaced it.",
  run(ctx) {
    for (const { record, pointer, value, targets } of unusualRefs(ctx)) {
      if (record.type === "tombstone") continue;
      const entry = ctx.index.get(value)?.find((e) => e.type === "tombstone");
      // A retired id of another type than the field needs is REF002's error, not a warning.
      if (!entry || !targets.includes(entryType(entry))) continue;
      const data = entry.data();
      const to = asArray(data?.to).map(String);
      const what = data?.change === "removed" ? "was removed" : `was ${String(data?.change ?? "retired")}${to.length ? ` to ${to.map((t) => `\`${t}\``).join(", ")}` : ""}`;
      ctx.report(record, pointer, `\`${value}\` ${what}`, to.length === 1 ? { tip: `replace it with ${to[0]}` } : {});
    }
  },
};
