import type { Check } from "../types.ts";
import { unusualRefs } from "../helpers.ts";
import { nearest } from "../suggest.ts";

/** REF001: a reference names an id that exists. Suggests the nearest id for typos. */
export const referencesResolve: Check = {
  code: "REF001",
  severity: "error",
  scope: "dataset",
  reads: {},
  description: "Every reference names an id that exists in the dataset.",
  run(ctx) {
    let ids: string[] | undefined;
    for (const { record, pointer, value, targets } of unusualRefs(ctx)) {
      if (ctx.index.has(value)) continue;
      ids ??= [...ctx.index.keys()];
      const guess = nearest(value, ids.filter((id) => ctx.index.get(id)!.some((e) => targets.includes(e.type))));
      ctx.report(record, pointer, `\`${value}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ""}`, { tip: `expected the id of ${targets.length === 1 ? `${/^[aeiou]/.test(targets[0]!) ? "an" : "a"} ${targets[0]}` : `one of: ${targets.join(", ")}`}` });
    }
  },
};
