import type { Check } from "../types.ts";
import { asArray } from "../helpers.ts";

/** The same document, however its URL is written: no scheme, `www.`, trailing slash or fragment. */
export function sourceIdentity(source: Record<string, unknown>): string {
  if (typeof source.url === "string") {
    return source.url.replace(/^https?:\/\/(www\.)?/i, "").replace(/#.*$/, "").replace(/\/+$/, "").toLowerCase();
  }
  return [source.publisher, source.title, source.published].map((v) => String(v ?? "").toLowerCase()).join("|");
}

/** SRC003: one document is cited once per list of sources. */
export const duplicateSources: Check = {
  code: "SRC003",
  severity: "error",
  scope: "record",
  description: "The same source is not listed twice in one list of sources.",
  run(ctx) {
    for (const r of ctx.records) {
      const lists: Array<{ base: string; items: unknown[] }> = [{ base: "/sources", items: asArray(r.data.sources) }];
      asArray(r.data.editions).forEach((e, i) => lists.push({ base: `/editions/${i}/sources`, items: asArray((e as Record<string, unknown>).sources) }));
      for (const { base, items } of lists) {
        const seen = new Map<string, number>();
        items.forEach((s, i) => {
          const id = sourceIdentity(s as Record<string, unknown>);
          const first = seen.get(id);
          if (first !== undefined) ctx.report(r, `${base}/${i}`, `source ${i + 1} repeats source ${first + 1}`, { tip: "remove the repeat; add a quote to the first one if it supports another fact" });
          else seen.set(id, i);
        });
      }
    }
  },
};
