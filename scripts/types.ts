/**
 * `npm run types` — regenerates the code made from the schemas: scripts/lib/types.generated.ts (types of
 * the source and public records), scripts/lib/validators.generated.cjs (the precompiled record validators)
 * and scripts/lib/publish/public-validators.generated.cjs (the public ones, with which the build checks what
 * it publishes). `npm run types -- --check` changes nothing and exits 1 when any is out of date.
 */
import { syncGenerated } from "./lib/generated-files.ts";
import { GENERATED_VALIDATORS_FILE, readSchemas, standaloneValidators } from "./lib/schemas.ts";
import { publicSchemas } from "./lib/publish/public-schemas.ts";
import { GENERATED_TYPES_FILE, generateTypes } from "./lib/publish/typegen.ts";
import { PUBLIC_VALIDATORS_FILE, publicStandaloneValidators } from "./lib/publish/public-validators.ts";
import { parseCommandLine, runCommand } from "./lib/cli.ts";

const HELP = `Usage: npm run types [-- --check]

Regenerates the code made from the schemas: TypeScript types and precompiled validators. --check changes
nothing and exits 1 when either is out of date.`;

async function main(argv: string[]): Promise<number> {
  const cli = parseCommandLine(argv, { options: { check: { type: "boolean" } }, help: HELP });
  if (!cli) return 0;
  const source = readSchemas();
  const published = publicSchemas(source);
  const outputs = [
    { file: GENERATED_TYPES_FILE, text: await generateTypes(source, published) },
    { file: GENERATED_VALIDATORS_FILE, text: standaloneValidators(source) },
    { file: PUBLIC_VALIDATORS_FILE, text: publicStandaloneValidators(published) },
  ];
  const stale = syncGenerated(
    outputs.map(({ file, text }) => ({ file, render: () => text })),
    cli.values.check === true,
    {
      upToDate: (file) => console.log(`${file} is up to date`),
      stale: (file) => console.error(`${file} is out of date with schemas/; run \`npm run types\` and commit the result`),
      written: (file) => console.log(`wrote ${file}`),
    },
  );
  return stale > 0 ? 1 : 0;
}

runCommand("types", () => main(process.argv.slice(2)));
