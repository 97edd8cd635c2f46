import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";
import { escapeSegment } from "../../json-pointer.ts";

/**
 * Phrases that point a reader at material the release does not hold: an internal fact sheet or brief,
 * working notes, or the item numbers of a research list such as `(P-17)`, `item M-3` or `FO-1`.
 */
const INTERNAL_REFERENCES: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\bfact[ -]?sheets?\b/i, what: "a fact sheet" },
  { pattern: /\brecall list\b/i, what: "a recall list" },
  { pattern: /\b(see|per|in|from) (the |our )?internal\b|\binternal (notes?|documents?|memos?|briefs?|research|review|spreadsheets?|list)\b/i, what: "internal material" },
  { pattern: /\b(research|working|editors'?|our) notes\b/i, what: "working notes" },
  { pattern: /\(\s*[A-Z]{1,3}-\d{1,2}\b(?=[),;\s])|\b(items?|rows?|entry|entries|see)\s+[A-Z]{1,3}-\d{1,3}\b/, what: "an item number" },
];

/** The keys whose text is the dataset's own prose: summaries, notes, and why fields are unverified. */
const PROSE_KEYS = new Set(["summary", "note", "notes", "unverified"]);

/** TEXT003: public text stands alone: notes, summaries and `unverified` explanations name no outside working material. */
export const standaloneText: Check = {
  code: "TEXT003",
  severity: "error",
  scope: "record",
  description: "Summaries, notes and `unverified` entries do not refer to material outside the release (a fact sheet, internal notes, item numbers such as `P-17`).",
  run(ctx) {
    for (const r of ctx.records) {
      const visit = (value: unknown, pointer: string, prose: boolean): void => {
        if (typeof value === "string") {
          if (!prose) return;
          const found = INTERNAL_REFERENCES.find(({ pattern }) => pattern.test(value));
          if (found) ctx.report(r, pointer, `the text refers to ${found.what} (\`${found.pattern.exec(value)![0].trim()}\`), which readers of the release cannot see`, { tip: "say what the public source says and cite it, or list the field under `unverified` with a reason that stands on its own" });
        } else if (Array.isArray(value)) asArray(value).forEach((v, i) => visit(v, `${pointer}/${i}`, prose));
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(asObject(value))) visit(v, `${pointer}/${escapeSegment(k)}`, prose || PROSE_KEYS.has(k));
      };
      visit(r.data, "", false);
    }
  },
};
