/**
 * `npm run docs` regenerates the documentation that is derived from code and schemas:
 * the list of diagnostic codes in CONTRIBUTING.md and the data dictionary in schemas/README.md. `--check` fails (exit 1) when a file is out of date.
 */
import { syncGenerated, type GeneratedFile } from "./lib/generated-files.ts";
import { checkCodesMarkdown } from "./lib/docs/check-codes.ts";
import { replaceSection } from "./lib/docs/generated-section.ts";
import { dataDictionaryMarkdown } from "./lib/docs/data-dictionary.ts";
import { readSchemas } from "./lib/schemas.ts";

export const GENERATED_DOCS: GeneratedFile[] = [
  { file: "CONTRIBUTING.md", render: (current) => replaceSection(current, "check-codes", checkCodesMarkdown(), "npm run docs") },
  { file: "schemas/README.md", render: () => dataDictionaryMarkdown(readSchemas()) },
];

function main(): number {
  const check = process.argv.includes("--check");
  const stale = syncGenerated(GENERATED_DOCS, check, {
    stale: (file) => console.error(`${file} is out of date with the schemas or the check registry; run \`npm run docs\``),
    written: (file) => console.log(`updated ${file}`),
  });
  if (check && stale === 0) console.log("generated docs are up to date");
  return stale > 0 ? 1 : 0;
}

process.exitCode = main();
