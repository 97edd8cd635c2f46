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
