import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";

/** CONS004: a meeting lists each participant once (with one role). */
export const participantsOnce: Check = {
  code: "CONS004",
  severity: "error",
  scope: "record",
  description: "A meeting lists each participant once.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.type !== "meeting") continue;
      const first = new Map<string, number>();
      asArray(r.data.participants).forEach((p, i) => {
        const actor = asObject(p).actor;
        if (typeof actor !== "string") return;
        const earlier = first.get(actor);
        if (earlier === undefined) first.set(actor, i);
        else ctx.report(r, `/participants/${i}/actor`, `\`${actor}\` is already participant ${earlier + 1}`, { tip: "list each participant once, with the role that fits best" });
      });
    }
  },
};
