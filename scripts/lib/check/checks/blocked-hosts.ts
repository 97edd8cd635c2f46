import type { Check } from "../types.ts";
import { asArray, asObject, forEachSource } from "../helpers.ts";
import { blockedNamedIn, publisherOf } from "../../publishers/registry.ts";

/** PUB001: content farms, rewrite sites and unauthorised mirrors are never evidence. */
export const blockedHosts: Check = {
  code: "PUB001",
  severity: "error",
  scope: "record",
  description: "No source or readout is on a host that `data/publishers.yaml` marks `blocked` (content farms, rewrite sites, mirrors), nor names one as its publisher.",
  run(ctx) {
    const tip = (note: string | undefined): string => `${note ? `${note} ` : ""}Find the original and cite it instead.`;
    for (const r of ctx.records) {
      forEachSource(r, (source, pointer) => {
        const entry = source.url !== undefined ? publisherOf(ctx.publishers, source.url) : typeof source.publisher === "string" ? blockedNamedIn(ctx.publishers, source.publisher) : undefined;
        if (!entry?.blocked) return;
        if (source.url !== undefined) ctx.report(r, `${pointer}/url`, `\`${entry.host}\` is a blocked host (${entry.kind})`, { tip: tip(entry.note) });
        else ctx.report(r, `${pointer}/publisher`, `the publisher names \`${entry.host}\`, a blocked host (${entry.kind})`, { tip: tip(entry.note) });
      });
      asArray(r.data.readouts).forEach((o, i) => {
        const entry = publisherOf(ctx.publishers, asObject(o).url);
        if (entry?.blocked) ctx.report(r, `/readouts/${i}/url`, `\`${entry.host}\` is a blocked host (${entry.kind})`, { tip: tip(entry.note) });
      });
    }
  },
};
