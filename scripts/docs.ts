/**
 * `npm run docs` regenerates the documentation that is derived from code and schemas:
 * the list of diagnostic codes in CONTRIBUTING.md and the data dictionary in schemas/README.md. `--check` fails (exit 1) when a file is out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/paths.ts";
import { checkCodesMarkdown } from "./lib/docs/check-codes.ts";
import { replaceSection } from "./lib/docs/generated-section.ts";
import { dataDictionaryMarkdown } from "./lib/docs/data-dictionary.ts";
import { readSchemas } from "./lib/schemas.ts";

export interface GeneratedDoc {
  file: string;
  render(current: string): string;
}

export const GENERATED_DOCS: GeneratedDoc[] = [
  { file: "CONTRIBUTING.md", render: (current) => replaceSection(current, "check-codes", checkCodesMarkdown(), "npm run docs") },
  { file: "schemas/README.md", render: () => dataDictionaryMarkdown(readSchemas()) },
];

function main(): number {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const doc of GENERATED_DOCS) {
    const abs = path.join(ROOT, doc.file);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
    const next = doc.render(current);
    if (next === current) continue;
    if (check) {
      console.error(`${doc.file} is out of date with the schemas or the check registry; run \`npm run docs\``);
      stale++;
    } else {
      fs.writeFileSync(abs, next);
      console.log(`updated ${doc.file}`);
    }
  }
  if (check && stale === 0) console.log("generated docs are up to date");
  return stale > 0 ? 1 : 0;
}

process.exitCode = main();
