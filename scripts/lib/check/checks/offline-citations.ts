import type { Check } from "../types.ts";
import { forEachSource } from "../helpers.ts";

/** SRC005: a source a reader cannot open must be one they can find in a library: title, publisher and date. */
export const offlineCitations: Check = {
  code: "SRC005",
  severity: "error",
  scope: "record",
  description: "A source without a `url` is a full offline citation: it gives `title`, `publisher` and `published`.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachSource(r, (source, pointer) => {
        if (source.url !== undefined) return;
        const missing = ["title", "publisher", "published"].filter((f) => source[f] === undefined);
        if (missing.length > 0) {
          ctx.report(r, pointer, `a source without a URL must say ${missing.map((f) => `\`${f}\``).join(", ")}, so that a reader can find it`, { tip: "add the page's URL, or the document's title and publication date; drop a source you cannot identify" });
        }
      });
    }
  },
};
