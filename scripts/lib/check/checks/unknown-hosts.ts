import type { Check } from "../types.ts";
import { forEachSource } from "../helpers.ts";
import { hostOf, publisherOf } from "../../publishers/registry.ts";

/** PUB004 (strict runs only): every host a source cites is classified in the registry. */
export const unknownHosts: Check = {
  code: "PUB004",
  severity: "warning",
  scope: "record",
  strictOnly: true,
  description: "With `--strict` only: a source's URL is on a host `data/publishers.yaml` lists (when the dataset has that file).",
  run(ctx) {
    // Without a registry (or with a broken one, reported on its own) every host would be unknown.
    if (ctx.publishers.file === undefined) return;
    for (const r of ctx.records) {
      forEachSource(r, (source, pointer) => {
        if (typeof source.url !== "string" || publisherOf(ctx.publishers, source.url)) return;
        const host = hostOf(source.url);
        if (host) ctx.report(r, `${pointer}/url`, `\`${host}\` is not in data/publishers.yaml`, { tip: "add the host with its publisher and kind (or `blocked: true` for a content farm)" });
      });
    }
  },
};
