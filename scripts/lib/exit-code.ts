import { countBySeverity, type Diagnostic } from "./diagnostics.ts";

/** The validator's exit status for a set of diagnostics: 1 on any error (or any warning with `strict`), else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict = false): 0 | 1 {
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}
