/**
 * JSON text for every JSON file and report the toolkit writes. `JSON.stringify` escapes only C0
 * controls; this also escapes U+2028 and U+2029 (line and paragraph separators, which line-splitting
 * readers such as Python's `str.splitlines()` take for line ends, cutting an NDJSON record in two)
 * DEL with the C1 controls (U+0080–U+009F; U+009B starts a terminal escape sequence), and the
 * invisible (default-ignorable) characters, bidirectional controls among them, so that a report shown
 * on a terminal neither acts on it nor reorders or hides text. The result parses to the same value. Outside strings JSON holds none of these characters, so the replacement
 * only ever touches string contents.
 */
/** A character as JSON escapes: one `\uXXXX` per UTF-16 unit (two for a TAG character, say). */
const escapeUnits = (c: string): string => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");

const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\p{Default_Ignorable_Code_Point}]/gu;

export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  UNSAFE_IN_JSON.lastIndex = 0;
  return UNSAFE_IN_JSON.test(text) ? text.replace(UNSAFE_IN_JSON, escapeUnits) : text;
}

/**
 * `jsonText(value, indent)` for a value whose `jsonText(value)` is `compact` (as a record's NDJSON line
 * is): every character the scan above would escape stands in `compact` as a `\uXXXX` escape, so when
 * `compact` holds no `\u` the value holds none of them and its indented text needs no scan. The release
 * writer makes the indented text of every record from its NDJSON line.
 */
export function indentedJsonText(value: unknown, indent: number, compact: string): string {
  return compact.includes("\\u") ? jsonText(value, indent) : JSON.stringify(value, null, indent);
}
