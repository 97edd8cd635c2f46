import type { Check } from "../types.ts";
import { asArray, refsOf } from "../helpers.ts";

/**
 * REF003: a reference to a retired id still resolves (consumers follow tombstones), but the data should
 * point at the current record. A warning, because the fix may need judgement when a record was split.
 */
export const referencesTombstone: Check = {
  code: "REF003",
  severity: "warning",
  description: "A reference names a retired id (a tombstone); point it at the record that replaced it.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type === "tombstone") continue;
      for (const { pointer, value } of refsOf(ctx, r)) {
        const entry = typeof value === "string" ? ctx.index.get(value)?.find((e) => e.type === "tombstone") : undefined;
        if (!entry) continue;
        const data = entry.data();
        const to = asArray(data?.to).map(String);
        const what = data?.change === "removed" ? "was removed" : `was ${String(data?.change ?? "retired")}${to.length ? ` to ${to.map((t) => `\`${t}\``).join(", ")}` : ""}`;
        ctx.report(r, pointer, `\`${String(value)}\` ${what}`, to.length === 1 ? { tip: `replace it with ${to[0]}` } : {});
      }
    }
  },
};
