import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";

/** SRC008: a record that rests only on copies and summaries has not been checked against an original. */
export const secondaryOnly: Check = {
  code: "SRC008",
  severity: "warning",
  scope: "record",
  description: "A record cites at least one source that is not `basis: secondary` (a mirror, syndication or summary).",
  run(ctx) {
    for (const r of ctx.records) {
      const sources = asArray(r.data.sources);
      if (sources.length > 0 && sources.every((s) => asObject(s).basis === "secondary")) {
        ctx.report(r, "/sources", `every source of this record is \`basis: secondary\``, { key: true, tip: "cite the original document (an official page, the agency's or paper's own article) and read it" });
      }
    }
  },
};
