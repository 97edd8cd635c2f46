import type { Check } from "../types.ts";
import { forEachSource } from "../helpers.ts";

/** SRC006: a dated source can be placed against the facts it supports (sources without a URL are SRC005's). */
export const sourceDates: Check = {
  code: "SRC006",
  severity: "warning",
  scope: "record",
  description: "A source with a `url` gives its publication date in `published`.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachSource(r, (source, pointer) => {
        if (source.url !== undefined && source.published === undefined) {
          ctx.report(r, pointer, "the source has no `published` date", { tip: "add the date the page gives (`published: 2023-05-29`, or `2023-05` when only the month is known)" });
        }
      });
    }
  },
};
