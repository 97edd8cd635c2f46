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
import { parseCommandLine, runCommand } from "./lib/cli.ts";

export const GENERATED_DOCS: GeneratedFile[] = [
  { file: "CONTRIBUTING.md", render: (current) => replaceSection(current, "check-codes", checkCodesMarkdown(), "npm run docs") },
  { file: "schemas/README.md", render: () => dataDictionaryMarkdown(readSchemas()) },
];

const HELP = `Usage: npm run docs [-- --check]

Regenerates the documentation made from the schemas, the check registry and the data (CONTRIBUTING.md's
table of codes, schemas/README.md, README.md's figures). --check changes nothing and exits 1 when a file
is out of date.`;

async function main(argv: string[]): Promise<number> {
  const cli = parseCommandLine(argv, { options: { check: { type: "boolean" } }, help: HELP });
  if (!cli) return 0;
  const check = cli.values.check === true;
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

runCommand("docs", () => main(process.argv.slice(2)));
