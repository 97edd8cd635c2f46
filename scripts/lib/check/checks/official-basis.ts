import type { Check } from "../types.ts";
import { forEachRegisteredSource } from "../helpers.ts";
import { isOfficial } from "../../publishers/registry.ts";

/** PUB003: a page on an official host is the primary document, not a copy of one. */
export const officialBasis: Check = {
  code: "PUB003",
  severity: "warning",
  scope: "record",
  description: "A source on an `official` or `intergovernmental` host is not `basis: secondary`: the page is the primary document (write `basis: primary`).",
  run(ctx) {
    for (const r of ctx.records) {
      forEachRegisteredSource(ctx, r, (source, pointer, entry) => {
        if (isOfficial(entry) && source.basis === "secondary") {
          ctx.report(r, `${pointer}/basis`, `\`${entry.host}\` is an ${entry.kind} host, so the page is a primary document`, { tip: "write `basis: primary`; if the page only reposts another body's text, cite that body's own page" });
        }
      });
    }
  },
};
