import type { Check } from "../types.ts";
import { asArray, lookup } from "../helpers.ts";
import { withArticle } from "../../words.ts";

/** TOMB001: a tombstone redirects to live records of its own type, never to another tombstone. */
export const tombstoneTargets: Check = {
  code: "TOMB001",
  severity: "error",
  scope: "dataset",
  reads: { tombstone: ["to", "type"] },
  description: "A tombstone's `to` ids are live records of the same type as the retired id (not tombstones themselves).",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "tombstone") continue;
      asArray(r.data.to).forEach((id, i) => {
        const entry = lookup(ctx, String(id));
        if (!entry) return; // REF001 reports unknown ids
        if (entry.type === "tombstone") ctx.report(r, `/to/${i}`, `\`${String(id)}\` is itself a tombstone; redirect to the live record instead`);
        else if (entry.type !== r.data.type) ctx.report(r, `/to/${i}`, `\`${String(id)}\` is ${withArticle(entry.type)}, but this tombstone retires ${withArticle(String(r.data.type))}`);
      });
    }
  },
};
