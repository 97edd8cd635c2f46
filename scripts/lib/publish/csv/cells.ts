/**
 * CSV cells and files: what text goes in a cell, including the guard against spreadsheet formulas, and
 * how cells are quoted — exactly as csv-stringify quotes them with the options the release uses (a test
 * compares the two on every table and on awkward values), in a fraction of its time: the tables of a
 * large release hold millions of cells.
 */

/**
 * A cell that begins (after any `'`) with `=`, `+`, `-`, `@`, a tab or a carriage return is one a
 * spreadsheet may run as a formula (CSV injection); such a cell gets one more `'` in front. Counting the
 * existing `'`s makes the rule exactly reversible: see {@link restoreFormulaCell}.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export const FORMULA_NOTE =
  "In the CSV, a value that would begin with =, +, -, @, a tab or a carriage return (after any ' characters) has one ' put in front so that spreadsheets do not run it as a formula; remove one leading ' from such a value to get the original text (the JSON files hold it unchanged).";

export function neutraliseFormulaCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormulaCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Whether a string matching this schema pattern could begin like a formula (so its field needs the note). */
export function mayLookLikeFormula(pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  const re = new RegExp(pattern, "u");
  return ["=a", "+a", "-a", "@a", "=1", "+1", "-1", "@1"].some((s) => re.test(s));
}

/** One value as cell text: empty for none, `true`/`false`, numbers as written, lists as JSON arrays. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return neutraliseFormulaCell(value);
  return JSON.stringify(value);
}

/**
 * The options of csv-stringify whose output {@link csvRows} reproduces: `\n` line ends, and quotes
 * around a cell with leading or trailing white space besides those that hold `"`, `,` or `\n`.
 */
export const CSV_OPTIONS = { record_delimiter: "unix", quoted_match: /^\s|\s$/ } as const;

/**
 * A cell that must be quoted: it holds the quote, the delimiter or a `\n`, or begins or ends in white
 * space. A `\r` inside a cell does not make csv-stringify quote it (with these options), nor this.
 */
const NEEDS_QUOTES = /[",\n]|^\s|\s$/;
const QUOTE = /"/g;

/** One cell as CSV text: as it is, or between quotes with its quotes doubled. */
export function csvCell(text: string): string {
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.includes('"') ? text.replace(QUOTE, '""') : text}"`;
}

/** A whole table: header row, then one row per record, `\n` line ends, quoting only where needed. */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return csvRows([header]) + csvRows(rows);
}

/** Rows without a header, as they continue a table that {@link csvText} began: every row ends in `\n`. */
export function csvRows(rows: ReadonlyArray<readonly string[]>): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += i === 0 ? csvCell(row[i]!) : `,${csvCell(row[i]!)}`;
    out += "\n";
  }
  return out;
}
