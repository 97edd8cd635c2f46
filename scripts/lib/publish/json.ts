/** Small JSON helpers shared by the build steps. */
import { jsonText } from "../json-text.ts";

/** Pretty JSON with a final newline: the form of every published `.json` file (readable diffs between releases). */
export function prettyJson(value: unknown): string {
  return `${jsonText(value, 2)}\n`;
}

/** Compares strings by UTF-16 code unit, never by locale, so sort order does not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
