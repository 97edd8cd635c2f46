import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";
import { isOfficial, publisherOf } from "../../publishers/registry.ts";

/** The steps that say a meeting did not happen: the dataset's core claims. */
const REFUSALS = new Set(["declined", "cancelled", "postponed", "no-response"]);

/**
 * SRC009: a refusal rests on an official page, or on a source that quotes it. A step without a
 * `source` key cannot show either.
 */
export const refusalEvidence: Check = {
  code: "SRC009",
  severity: "warning",
  scope: "record",
  description: "A status change `declined`, `cancelled`, `postponed` or `no-response` cites (by `source`) a source that is official (its host is `official` or `intergovernmental` in `data/publishers.yaml`) or carries a `quote`.",
  run(ctx) {
    for (const r of ctx.records) {
      const byKey = new Map<string, Record<string, unknown>>();
      for (const s of asArray(r.data.sources)) {
        const source = asObject(s);
        if (typeof source.key === "string") byKey.set(source.key, source);
      }
      asArray(r.data.status_history).forEach((c, i) => {
        const step = asObject(c);
        if (typeof step.status !== "string" || !REFUSALS.has(step.status)) return;
        if (typeof step.source !== "string") {
          ctx.report(r, `/status_history/${i}`, `the \`${step.status}\` step does not say which source reports it`, { tip: "give the source a `key:` and cite it with `source:`; prefer an official page, or quote the source's words" });
          return;
        }
        const source = byKey.get(step.source);
        if (!source || source.quote !== undefined || isOfficial(publisherOf(ctx.publishers, source.url))) return;
        ctx.report(r, `/status_history/${i}/source`, `the \`${step.status}\` step rests on a source that is neither official nor quoted`, { tip: `add \`quote:\` to source \`${step.source}\` with its words on the ${step.status === "no-response" ? "missing answer" : "refusal"}, or cite the official statement` });
      });
    }
  },
};
