import type { Check } from "../types.ts";
import { forEachRegisteredSource } from "../helpers.ts";

/** PUB005: a page on a site that republishes others' reports is a copy, never the document itself. */
export const aggregatorBasis: Check = {
  code: "PUB005",
  severity: "warning",
  scope: "record",
  description: "A source on an `aggregator` host (a site that republishes others' reports) is `basis: secondary`: the page is a copy, so `seen` (the default) or `primary` overstates it.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachRegisteredSource(ctx, r, (source, pointer, entry) => {
        if (entry.kind !== "aggregator" || entry.blocked || source.basis === "secondary") return;
        const at = source.basis === undefined ? pointer : `${pointer}/basis`;
        const basis = source.basis === undefined ? "no `basis` (so `seen`)" : `\`basis: ${String(source.basis)}\``;
        ctx.report(r, at, `\`${entry.host}\` republishes others' reports, but the source has ${basis}`, { tip: "write `basis: secondary` and name the original in `publisher` (`Reuters (via Devdiscourse)`); better, cite the original's own page" });
      });
    }
  },
};
