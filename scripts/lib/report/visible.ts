/**
 * Text from records, file names and arguments made safe to print on a terminal: every character that
 * a terminal would act on or that shows as nothing is written as an escape (`\x1b`, `\r`, `\u{202e}`),
 * so that a hostile key or file name cannot clear the screen, move the cursor, fake a verdict or hide
 * text. The one escaping function of every human-readable output (the validator's reports, the other
 * commands' messages); JSON output is escaped by `jsonText` instead.
 *
 * Escaped: C0 controls and DEL, C1 controls (U+0080–U+009F, U+009B being a CSI), bidirectional
 * controls, the line and paragraph separators, Unicode's invisible (default-ignorable) characters
 * and lone surrogates. With `lines`, a line feed is kept as a line break (for multi-line output).
 */
const UNSAFE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uD800-\uDFFF]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Any character but printable ASCII: text without one is safe as it is, found faster than UNSAFE is. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

export function visible(text: string, options: { lines?: boolean } = {}): string {
  if (!NOT_PRINTABLE_ASCII.test(text)) return text;
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    if (c === "\n" && options.lines) return c;
    const named = NAMED[c];
    if (named) return named;
    const cp = c.codePointAt(0)!;
    return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
  });
}
