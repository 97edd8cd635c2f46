/**
 * `npm run docs` regenerates the documentation that is derived from code and schemas:
 * the list of diagnostic codes in CONTRIBUTING.md, the data dictionary in schemas/README.md and the
 * sourcing figures in README.md. `--check` fails (exit 1) when a file is out of date.
 */
import { syncGenerated, type GeneratedFile } from "./lib/generated-files.ts";
import { checkCodesMarkdown } from "./lib/docs/check-codes.ts";
import { replaceSection } from "./lib/docs/generated-section.ts";
import { dataDictionaryMarkdown } from "./lib/docs/data-dictionary.ts";
import { readSchemas } from "./lib/schemas.ts";
import { measureDataset } from "./lib/quality/dataset.ts";
import { qualityMarkdown } from "./lib/quality/measure.ts";
import { ROOT } from "./lib/paths.ts";

export const GENERATED_DOCS: GeneratedFile[] = [
  { file: "CONTRIBUTING.md", render: (current) => replaceSection(current, "check-codes", checkCodesMarkdown(), "npm run docs") },
  { file: "schemas/README.md", render: () => dataDictionaryMarkdown(readSchemas()) },
];

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  // The README's figures come from the data: they change whenever the records do.
  const quality = qualityMarkdown(await measureDataset(ROOT));
  const readme: GeneratedFile = { file: "README.md", render: (current) => replaceSection(current, "quality", quality, "npm run docs") };
  const stale = syncGenerated([...GENERATED_DOCS, readme], check, {
    stale: (file) => console.error(`${file} is out of date with the schemas, the check registry or the data's sourcing figures; run \`npm run docs\``),
    written: (file) => console.log(`updated ${file}`),
  });
  if (check && stale === 0) console.log("generated docs are up to date");
  return stale > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
