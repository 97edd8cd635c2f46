/**
 * The invisible characters records may not hold: control characters other than tab and line breaks,
 * and the Unicode bidirectional controls (which can make text in review read differently from what
 * it is). One definition for the raw file (FILE005) and for decoded text (TEXT001).
 */
const BIDI = "\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
/** C0 and C1 controls but tab, line feed and carriage return. */
const CONTROLS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";

export const BIDI_CONTROL = new RegExp(`[${BIDI}]`, "u");
/** In a file's text, where a carriage return may end a line (CRLF). */
export const FORBIDDEN_IN_FILE = new RegExp(`[${CONTROLS}${BIDI}]`, "u");
/**
 * In decoded values and keys, where YAML has turned line ends into line feeds: a carriage return came
 * from an escape. With the `u` flag, a surrogate class matches only a lone surrogate (which only an
 * escape can write, and the loader refuses as YAML010; this is the second line of defence).
 */
export const FORBIDDEN_IN_TEXT = new RegExp(`[${CONTROLS}\\u000D${BIDI}\\uD800-\\uDFFF]`, "u");

/**
 * Invisible characters that text may not hold (TEXT002): the Unicode Default_Ignorable_Code_Point set
 * (soft hyphen, combining grapheme joiner, Arabic letter mark, zero-width space, word joiner, invisible
 * operators, Hangul fillers, TAG characters, variation selectors, byte-order marks…), which render as
 * nothing and can make two texts that look the same differ, or hide text in review. Allowed where a
 * script needs them, and only there:
 * - a zero-width joiner or non-joiner (U+200D, U+200C) inside a word — between two letters or marks —
 *   whose letter before it is not Latin, Greek or Cyrillic (Arabic, Persian, Indic scripts shape with
 *   them; the alphabets of English and its neighbours do not);
 * - a variation selector (U+FE00–U+FE0F, U+E0100–U+E01EF) right after a letter, number or symbol that
 *   is not ASCII (ideographic variants, emoji presentation);
 * - a Mongolian free variation selector (U+180B–U+180D, U+180F) right after a Mongolian letter.
 * Bidirectional controls are ignorable too, but refused as TEXT001 (and FILE005) with their own words.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Any invisible character at all (a whole file is tested once; see LoadedRecord.mayHaveInvisible). */
export const ANY_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/**
 * Any character that FORBIDDEN_IN_FILE or ANY_IGNORABLE would find: a file's text is scanned once for
 * both, and tested for each only when this finds one (few files hold any). Written as an alternation:
 * V8 scans one class of these ranges about six times more slowly than the two classes in turn.
 */
export const ANY_UNUSUAL = new RegExp(`[${CONTROLS}${BIDI}]|\\p{Default_Ignorable_Code_Point}`, "u");
const JOINER = /^[\u200C\u200D]$/u;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const MONGOLIAN_SELECTOR = /^[\u180B-\u180D\u180F]$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const MARK = /^\p{M}$/u;
const NO_JOINERS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const VARIANT_BASE = /^[\p{L}\p{N}\p{S}]$/u;
const MONGOLIAN = /^\p{Script=Mongolian}$/u;

/** The code point before `index` (a whole surrogate pair), or "" at the start. */
function before(text: string, index: number): string {
  if (index === 0) return "";
  const low = text.charCodeAt(index - 1);
  return index >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(index - 2, index) : text[index - 1]!;
}

function allowedInContext(text: string, index: number, ch: string): boolean {
  const prev = before(text, index);
  if (JOINER.test(ch)) {
    const next = String.fromCodePoint(text.codePointAt(index + ch.length) ?? 0);
    if (!LETTER_OR_MARK.test(prev) || !LETTER_OR_MARK.test(next)) return false;
    // The letter the marks sit on decides the script.
    let i = index;
    let base = prev;
    while (MARK.test(base) && i > 0) {
      i -= base.length;
      base = before(text, i);
    }
    return LETTER_OR_MARK.test(base) && !NO_JOINERS.test(base);
  }
  if (VARIATION_SELECTOR.test(ch)) return VARIANT_BASE.test(prev) && prev.codePointAt(0)! > 0x7f;
  if (MONGOLIAN_SELECTOR.test(ch)) return MONGOLIAN.test(prev);
  return false;
}

/** The first invisible character text may not hold, with its offset; undefined when there is none. */
export function invisibleCharacter(text: string): { index: number; codePoint: string } | undefined {
  IGNORABLE.lastIndex = 0;
  for (let m = IGNORABLE.exec(text); m; m = IGNORABLE.exec(text)) {
    if (BIDI_CONTROL.test(m[0]) || allowedInContext(text, m.index, m[0])) continue;
    return { index: m.index, codePoint: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` };
  }
  return undefined;
}

/**
 * Text as a reader sees it, for comparing names: Unicode canonical composition (NFC, so `é` written
 * as `e` + a combining accent equals `é`) and case folding (upper then lower case, so `ß` equals `SS`
 * and `ς` equals `Σ`).
 */
export const foldForComparison = (text: string): string => text.normalize("NFC").toUpperCase().toLowerCase().normalize("NFC");
