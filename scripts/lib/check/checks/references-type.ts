import type { Check } from "../types.ts";
import type { IndexEntry } from "../types.ts";
import { unusualRefs } from "../helpers.ts";
import { withArticle } from "../../words.ts";

const article = withArticle;

/** The type an id names: a live record's type, or for a tombstone the type of the record it retired. */
export function entryType(entry: IndexEntry): string {
  if (entry.type !== "tombstone") return entry.type;
  const type = entry.data()?.type;
  return typeof type === "string" ? type : "tombstone";
}

/**
 * REF002: a reference points at the right kind of thing (a participant is an actor, `sidelines_of` an
 * edition). A retired id is checked against the type it had, so a retired sanction id cannot stand in
 * for a participant.
 */
export const referencesType: Check = {
  code: "REF002",
  severity: "error",
  scope: "dataset",
  reads: { tombstone: ["type"] },
  description: "Every reference points to a record of the type the field expects (as the schema's `x-refers-to` says), also when it names a retired id (a tombstone keeps its record's type).",
  run(ctx) {
    for (const { record, pointer, value, targets } of unusualRefs(ctx)) {
      const entries = ctx.index.get(value);
      if (!entries || entries.length === 0) continue;
      if (entries.some((e) => targets.includes(entryType(e)))) continue;
      const first = entries[0]!;
      const what = first.type === "tombstone" ? `the retired id of ${article(entryType(first))}` : article(first.type);
      ctx.report(record, pointer, `\`${value}\` is ${what}, but this field needs ${targets.map(article).join(" or ")}`);
    }
  },
};
