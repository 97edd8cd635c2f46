import type { Check } from "../types.ts";
import { forEachText } from "../helpers.ts";
import { FORBIDDEN_IN_TEXT } from "../../load/forbidden-chars.ts";

// Raw bytes like these are refused when the file is read (FILE005); this catches the same characters
// written as YAML escapes ("\u202E", "\x07"), which only appear once the text is parsed.

/** TEXT001: text holds no control characters but newline and tab, and no bidirectional controls. */
export const textCharacters: Check = {
  code: "TEXT001",
  severity: "error",
  scope: "record",
  description: "Text values and keys hold no control characters other than newline and tab, and no bidirectional controls (which can disguise text in review), including when written as YAML escapes.",
  run(ctx) {
    for (const r of ctx.records) {
      // Without escapes, every character of the values was in the file, which FILE005 already vetted.
      if (r.mayHaveEscapes === false) continue;
      forEachText(r, (text, pointer, isKey) => {
        const m = FORBIDDEN_IN_TEXT.exec(text);
        if (!m) return;
        if (isKey) ctx.report(r, pointer, "a key contains an invisible character", { key: true });
        else ctx.report(r, pointer, `text contains the invisible character U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, { tip: "delete it; write line breaks as real line breaks" });
      });
    }
  },
};
