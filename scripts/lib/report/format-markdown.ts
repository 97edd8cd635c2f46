import type { Diagnostic } from "../diagnostics.ts";
import { countBySeverity } from "../diagnostics.ts";

/**
 * Text that stays text inside a Markdown table cell: no HTML, no table break, no code span or link
 * syntax, no control characters (a record's content is a stranger's).
 */
export function markdownCell(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|&#!~]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Every diagnostic as a Markdown table, errors first, for a CI job summary: GitHub shows only the first
 * ten annotations of a step, so the summary is where a contributor sees all of them in one push.
 */
export function formatMarkdown(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const head = `### Validation: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} (${filesChecked} files checked)`;
  if (diagnostics.length === 0) return `${head}\n\nNo problems found.\n`;
  const ordered = [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity === "warning")];
  const rows = ordered.map((d) => {
    const message = d.tip ? `${d.message} (tip: ${d.tip})` : d.message;
    return `| ${markdownCell(`${d.file}:${d.line}:${d.col}`)} | ${d.severity} | ${markdownCell(d.code)} | ${markdownCell(message)} |`;
  });
  return [head, "", "| where | severity | code | problem |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}
