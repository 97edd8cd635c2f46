import type { Diagnostic } from "../diagnostics.ts";
import { countBySeverity } from "../diagnostics.ts";
import { visible } from "./visible.ts";

// Workflow-command values escape %, CR and LF; properties also escape : and ,.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions annotations: one `::error file=…,line=…,col=…,title=CODE::message` line per problem. */
export function formatGithub(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const lines = diagnostics.map((d) => {
    // Shown in the log as well as in the annotation: made visible first, then escaped for the command.
    const message = d.tip ? `${visible(d.message)}\n(tip: ${visible(d.tip)})` : visible(d.message);
    return `::${d.severity} file=${escapeProperty(visible(d.file))},line=${d.line},col=${d.col},title=${escapeProperty(d.code)}::${escapeData(message)}`;
  });
  const { errors, warnings } = countBySeverity(diagnostics);
  lines.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} (${filesChecked} files checked)`);
  return lines.join("\n");
}
