import type { Check } from "../types.ts";
import { asArray } from "../helpers.ts";
import { foldForComparison } from "../../load/forbidden-chars.ts";

/**
 * NAME001: a record's name and aliases are told apart as a reader tells them apart: after Unicode
 * normalisation (NFC) and case folding. Aliases repeated character for character are the schema's
 * (`uniqueItems`, SCH006); this finds those that only look the same.
 */
export const distinctNames: Check = {
  code: "NAME001",
  severity: "error",
  scope: "record",
  description: "A record's name and aliases differ from each other after Unicode normalisation (NFC) and case folding, so that no two of them only look different to a program.",
  run(ctx) {
    for (const r of ctx.records) {
      const names: Array<{ text: string; pointer: string }> = [];
      if (typeof r.data.name === "string") names.push({ text: r.data.name, pointer: "/name" });
      asArray(r.data.aliases).forEach((a, i) => {
        if (typeof a === "string") names.push({ text: a, pointer: `/aliases/${i}` });
      });
      const seen = new Map<string, { text: string; pointer: string }>();
      for (const n of names) {
        const key = foldForComparison(n.text);
        const first = seen.get(key);
        if (!first) seen.set(key, n);
        else if (first.text !== n.text || first.pointer === "/name") {
          const what = first.pointer === "/name" ? "the name" : `alias ${Number(first.pointer.split("/")[2]) + 1}`;
          ctx.report(r, n.pointer, `${JSON.stringify(n.text)} is the same as ${what} (${JSON.stringify(first.text)}) once case and Unicode composition are set aside`, { tip: "remove the repeat" });
        }
      }
    }
  },
};
