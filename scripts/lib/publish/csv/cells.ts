/**
 * CSV cells and files. Quoting and escaping are csv-stringify's; this module only decides what text
 * goes in a cell, including the guard against spreadsheet formulas.
 */
import { stringify } from "csv-stringify/sync";

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

const CSV_OPTIONS = { record_delimiter: "unix", quoted_match: /^\s|\s$/ } as const;

/** A whole table: header row, then one row per record, `\n` line ends, quoting only where needed. */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return stringify([header as string[], ...(rows as string[][])], CSV_OPTIONS);
}

/** Rows without a header, as they continue a table that {@link csvText} began: every row ends in `\n`. */
export function csvRows(rows: ReadonlyArray<readonly string[]>): string {
  return stringify(rows as string[][], CSV_OPTIONS);
}
