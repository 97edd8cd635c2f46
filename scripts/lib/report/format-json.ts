import type { Diagnostic } from "../diagnostics.ts";
import { countBySeverity } from "../diagnostics.ts";
import { jsonText } from "../json-text.ts";

/** Bump when the shape below changes incompatibly; documented in CONTRIBUTING.md. */
export const JSON_REPORT_VERSION = 1;

/**
 * `{ version, summary: { files, errors, warnings }, diagnostics: [{ file, line, col, severity, code,
 * message, tip?, pointer? }] }` — diagnostics sorted by file, line, column, code.
 */
export function formatJson(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return jsonText({ version: JSON_REPORT_VERSION, summary: { files: filesChecked, errors, warnings }, diagnostics }, 2);
}
