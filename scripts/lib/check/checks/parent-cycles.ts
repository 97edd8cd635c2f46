import type { Check } from "../types.ts";
import { lookup } from "../helpers.ts";

/** CONS005: following `parent` from an actor never leads back to it. */
export const parentCycles: Check = {
  code: "CONS005",
  severity: "error",
  scope: "dataset",
  reads: { actor: ["parent"] },
  description: "No actor is its own parent, directly or through its parents' parents.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "actor" || typeof r.data.parent !== "string") continue;
      const id = String(r.data.id);
      const chain: string[] = [id];
      const seen = new Set(chain);
      let parent: unknown = r.data.parent;
      while (typeof parent === "string" && !seen.has(parent)) {
        chain.push(parent);
        seen.add(parent);
        const entry = lookup(ctx, parent);
        parent = entry?.type === "actor" ? entry.data()?.parent : undefined;
      }
      if (parent === id) {
        const path = [...chain, id].map((a) => `\`${a}\``).join(" → ");
        ctx.report(r, "/parent", chain.length === 1 ? `\`${id}\` is its own parent` : `the parents go round in a circle: ${path}`, { tip: "point `parent` at the body this one is part of" });
      }
    }
  },
};
