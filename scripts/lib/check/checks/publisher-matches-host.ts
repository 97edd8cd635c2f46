import type { Check } from "../types.ts";
import { forEachRegisteredSource } from "../helpers.ts";
import { namesPublisher } from "../../publishers/registry.ts";

/**
 * PUB002: a source's `publisher` names whoever owns its URL's host. A syndicated copy (`basis:
 * secondary`) may name the original publisher instead, as CONTRIBUTING asks.
 */
export const publisherMatchesHost: Check = {
  code: "PUB002",
  severity: "warning",
  scope: "record",
  description: "A source's `publisher` names the publisher `data/publishers.yaml` registers for its URL's host (a `basis: secondary` copy may name the original publisher instead).",
  run(ctx) {
    for (const r of ctx.records) {
      forEachRegisteredSource(ctx, r, (source, pointer, entry) => {
        if (entry.blocked || typeof source.publisher !== "string" || source.basis === "secondary") return;
        if (!namesPublisher(source.publisher, entry)) {
          ctx.report(r, `${pointer}/publisher`, `\`${source.publisher}\` is not the publisher registered for \`${entry.host}\` (${entry.publisher})`, {
            tip: `write \`publisher: ${entry.publisher}\`; if the page is a copy of another publisher's report, name that publisher and add \`basis: secondary\``,
          });
        }
      });
    }
  },
};
