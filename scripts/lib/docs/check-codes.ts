import { LOADER_CODES, REGISTRY_CODES, SCHEMA_CODES } from "../codes.ts";
import { CHECKS } from "../check/registry.ts";

/** Every diagnostic code with its stage, severity and description, in report order. */
export function allCodes(): Array<{ code: string; stage: string; severity: string; description: string; strictOnly?: boolean }> {
  return [
    ...Object.entries(LOADER_CODES).map(([code, c]) => ({ code, stage: code.startsWith("FILE") ? "file" : "YAML", severity: c.severity, description: c.description })),
    ...Object.entries(SCHEMA_CODES).map(([code, c]) => ({ code, stage: "schema", severity: c.severity, description: c.description })),
    ...Object.entries(REGISTRY_CODES).map(([code, c]) => ({ code, stage: "registry", severity: c.severity, description: c.description })),
    ...CHECKS.map((c) => ({ code: c.code, stage: "check", severity: c.severity, strictOnly: c.strictOnly === true, description: c.description })),
  ];
}

/** The Markdown table of codes that CONTRIBUTING.md carries between generated-section markers. */
export function checkCodesMarkdown(): string {
  const rows = allCodes().map((c) => `| \`${c.code}\` | ${c.stage} | ${c.severity}${c.strictOnly ? " (`--strict` only)" : ""} | ${c.description.replace(/\|/g, "\\|")} |`);
  return ["| code | stage | severity | what it means |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
