import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";
import { escapeSegment } from "../../json-pointer.ts";

/**
 * Phrases that point a reader at material the release does not hold: an internal fact sheet or brief,
 * working notes, or the item numbers of a research list such as `(P-17)`, `item M-3` or `FO-1`.
 */
export const INTERNAL_REFERENCES: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\bfact[ -]?sheets?\b/i, what: "a fact sheet" },
  { pattern: /\brecall list\b/i, what: "a recall list" },
  { pattern: /\b(see|per|in|from) (the |our )?internal\b|\binternal (notes?|documents?|memos?|briefs?|research|review|spreadsheets?|list)\b/i, what: "internal material" },
  { pattern: /\b(research|working|editors'?|our) notes\b/i, what: "working notes" },
  { pattern: /\(\s*[A-Z]{1,3}-\d{1,2}\b(?=[),;\s])|\b(items?|rows?|entry|entries|see)\s+[A-Z]{1,3}-\d{1,3}\b/, what: "an item number" },
];

/**
 * Text that any of INTERNAL_REFERENCES can match also matches this (case aside), so prose it does not
 * match is not tested further: one scan instead of five for almost every text.
 */
export const MAY_REFER = /fact[ -]?sheet|recall list|internal|notes\b|[a-z]-\d/i;

/** Which of INTERNAL_REFERENCES a text matches first, if any. */
export function internalReference(text: string): { pattern: RegExp; what: string } | undefined {
  return MAY_REFER.test(text) ? INTERNAL_REFERENCES.find(({ pattern }) => pattern.test(text)) : undefined;
}

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
      // A value's pointer (its parent's and its own key, escaped) is made only for text that is prose,
      // and for lists and mappings.
      const visit = (value: unknown, parent: string, key: string, prose: boolean): void => {
        if (typeof value === "string") {
          if (!prose) return;
          const found = internalReference(value);
          if (found) ctx.report(r, `${parent}/${escapeSegment(key)}`, `the text refers to ${found.what} (\`${found.pattern.exec(value)![0].trim()}\`), which readers of the release cannot see`, { tip: "say what the public source says and cite it, or list the field under `unverified` with a reason that stands on its own" });
          return;
        }
        if (value === null || typeof value !== "object") return;
        const pointer = `${parent}/${escapeSegment(key)}`;
        if (Array.isArray(value)) asArray(value).forEach((v, i) => visit(v, pointer, String(i), prose));
        else for (const [k, v] of Object.entries(asObject(value))) visit(v, pointer, k, prose || PROSE_KEYS.has(k));
      };
      for (const [k, v] of Object.entries(r.data)) visit(v, "", k, PROSE_KEYS.has(k));
    }
  },
};
