/** One problem found in one file, located at a 1-based line and column. */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  col: number;
  severity: Severity;
  code: string;
  message: string;
  /** A hint on how to fix it, shown under the message. */
  tip?: string;
  /** JSON pointer of the value concerned, when there is one. */
  pointer?: string;
}

export interface Position {
  line: number;
  col: number;
}

/** Stable order: by file, then position, then code — so output never depends on scheduling. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) d.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}
