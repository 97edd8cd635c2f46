import type { Check } from "../types.ts";
import { lookup } from "../helpers.ts";

/** CONS003: a meeting that was held cannot have been held on the sidelines of an edition that never took place. */
export const sidelinesStatus: Check = {
  code: "CONS003",
  severity: "error",
  scope: "dataset",
  reads: { meeting: ["status", "sidelines_of"], forum: ["editions/*/status"] },
  description: "A meeting that was held is not on the sidelines of a forum edition that was cancelled.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting" || r.data.status !== "held" || typeof r.data.sidelines_of !== "string") continue;
      const edition = lookup(ctx, r.data.sidelines_of);
      if (edition?.type !== "edition" || edition.data()?.status !== "cancelled") continue;
      ctx.report(r, "/sidelines_of", `the meeting was held, but \`${r.data.sidelines_of}\` was cancelled`, { tip: "correct the meeting's status or the edition it was held at" });
    }
  },
};
