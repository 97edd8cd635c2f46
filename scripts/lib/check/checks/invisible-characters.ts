import type { Check } from "../types.ts";
import { forEachText } from "../helpers.ts";
import { invisibleCharacter } from "../../load/forbidden-chars.ts";

/**
 * TEXT002: no invisible characters (Unicode Default_Ignorable_Code_Point) outside the places a script
 * needs them; the rule is `invisibleCharacter`'s, stated in CONTRIBUTING's Safety section.
 */
export const invisibleCharacters: Check = {
  code: "TEXT002",
  severity: "error",
  scope: "record",
  description: "Text values and keys hold no invisible characters (Unicode Default_Ignorable_Code_Point: soft hyphen, zero-width space, word joiner, U+061C, Hangul fillers, TAG characters, stray variation selectors…), except a zero-width joiner or non-joiner inside a word of a script that uses them and a variation selector after a character that has variants.",
  run(ctx) {
    for (const r of ctx.records) {
      // Every character of the values and keys is in the file (no escapes), which holds none of them.
      if (r.mayHaveInvisible === false) continue;
      forEachText(r, (text, pointer, isKey) => {
        const found = invisibleCharacter(text);
        if (!found) return;
        const where = isKey ? "a key" : "text";
        ctx.report(r, pointer, `${where} contains the invisible character ${found.codePoint} (after ${JSON.stringify(text.slice(Math.max(0, found.index - 20), found.index))})`, { key: isKey, tip: "delete it; it shows as nothing but makes the text differ from what it looks like" });
      });
    }
  },
};
