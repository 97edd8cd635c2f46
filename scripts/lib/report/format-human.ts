import type { Diagnostic } from "../diagnostics.ts";
import { countBySeverity } from "../diagnostics.ts";
import { codeFrame, readLines } from "./code-frame.ts";
import { visible } from "./visible.ts";

export interface HumanOptions {
  root: string;
  color: boolean;
  filesChecked: number;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Grouped by file: `path:line:col  severity  CODE  message`, a tip, a code frame; then a summary. */
export function formatHuman(diagnostics: readonly Diagnostic[], options: HumanOptions): string {
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    const shown = visible(file);
    out.push(paint(options.color, "1;4", shown));
    // Only files with a diagnostic that shows a frame are read (not those with FILE problems).
    const framed = (d: Diagnostic): boolean => !d.code.startsWith("FILE");
    const lines = list.some(framed) ? readLines(options.root, file) : undefined;
    for (const d of list) {
      const sev = d.severity === "error" ? paint(options.color, "31", "error  ") : paint(options.color, "33", "warning");
      out.push(`${shown}:${d.line}:${d.col}  ${sev}  ${paint(options.color, "2", d.code)}  ${visible(d.message)}`);
      if (d.tip) out.push(`    ${paint(options.color, "36", "tip:")} ${visible(d.tip)}`);
      if (lines && d.line <= lines.length && framed(d)) out.push(codeFrame(lines, d.line, d.col).replace(/^/gm, "    "));
    }
    out.push("");
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const files = byFile.size;
  if (errors + warnings === 0) out.push(paint(options.color, "32", `✓ ${plural(options.filesChecked, "file")} checked: no problems`));
  else out.push(`${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")} (${plural(options.filesChecked, "file")} checked)`);
  return out.join("\n");
}
